import { useTranslation } from "react-i18next";

import { PageTitle } from "../components/PageTitle";
import { PageSkeleton } from "../components/Skeleton";
import { CalendarFeed, DeleteAccount, ExportData } from "../features/settings/DangerZone";
import { LinkedAccounts } from "../features/settings/LinkedAccounts";
import { NotificationsForm } from "../features/settings/NotificationsForm";
import { PasswordForm } from "../features/settings/PasswordForm";
import { ProfileForm } from "../features/settings/ProfileForm";
import { SessionsList } from "../features/settings/SessionsList";
import { useMe } from "../hooks/useMe";

export default function SettingsPage() {
  const { t } = useTranslation("settings");
  const me = useMe().data;
  if (!me) return <PageSkeleton />;
  return (
    <>
      <PageTitle title={t("title")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <ProfileForm me={me} />
        <NotificationsForm />
        <LinkedAccounts />
        <SessionsList />
        <PasswordForm me={me} />
        <CalendarFeed />
        <ExportData />
        <DeleteAccount me={me} />
      </div>
    </>
  );
}

import { useTranslation } from "react-i18next";

import { PageTitle } from "../components/PageTitle";
import { BoxList } from "../features/boxes/BoxList";
import { useMe } from "../hooks/useMe";

export default function DashboardPage() {
  const { t } = useTranslation("boxes");
  const me = useMe().data;
  return (
    <>
      <PageTitle title={t("dashboard")} sub={me ? t("hello", { name: me.full_name || me.email }) : undefined}>
        {t("dashboard")}
      </PageTitle>
      {me && !me.email_verified && me.email ? (
        <p className="mb-6 rounded-lg bg-gold-100 p-3 text-sm text-gold-800" role="note">
          {t("verify_reminder", { email: me.email })}
        </p>
      ) : null}
      <BoxList />
    </>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { CheckboxField } from "../../components/Field";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";

const KEY = ["my-settings"] as const;
type Channel = "email_notifications" | "telegram_notifications" | "vk_notifications";
const CHANNELS: Channel[] = ["email_notifications", "telegram_notifications", "vk_notifications"];

export function NotificationsForm() {
  const { t } = useTranslation("settings");
  const client = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => unwrap(api.GET("/api/v1/users/me/settings")) });
  const save = useMutation({
    mutationFn: (patch: Partial<Record<Channel, boolean>>) => unwrap(api.PATCH("/api/v1/users/me/settings", { body: patch })),
    onSuccess: (next) => client.setQueryData(KEY, next),
  });
  return (
    <section aria-labelledby="notifications" className="card space-y-4">
      <h2 id="notifications" className="h2">
        {t("notifications.title")}
      </h2>
      {settings.isPending ? (
        <Skeleton lines={3} />
      ) : settings.isError ? (
        <ProblemAlert error={settings.error} />
      ) : (
        <>
          <ProblemAlert error={save.error} />
          {CHANNELS.map((channel) => {
            const unavailable =
              (channel === "telegram_notifications" && !settings.data.telegram_chat_id) || (channel === "vk_notifications" && !settings.data.vk_user_id);
            return (
              <CheckboxField
                key={channel}
                label={t(`notifications.${channel}`)}
                hint={unavailable ? t("notifications.link_first") : undefined}
                checked={settings.data[channel]}
                disabled={save.isPending || (unavailable && !settings.data[channel])}
                onChange={(e) => save.mutate({ [channel]: e.target.checked })}
              />
            );
          })}
        </>
      )}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { useProviders } from "../../hooks/useProviders";

const LABEL: Record<string, string> = { google: "Google", vk: "VK", telegram: "Telegram" };

export function LinkedAccounts() {
  const { t } = useTranslation("settings");
  const client = useQueryClient();
  const providers = useProviders().data;
  const accounts = useQuery({ queryKey: ["social-accounts"], queryFn: () => unwrap(api.GET("/api/v1/users/me/social-accounts")) });
  const unlink = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/users/me/social-accounts/{social_account_id}", { params: { path: { social_account_id: id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["social-accounts"] }),
  });
  const link = useMutation({
    mutationFn: (provider: "google" | "vk") =>
      unwrap(api.POST("/api/v1/auth/oauth/{provider}/link", { params: { path: { provider }, query: { return_to: "/settings" } } })),
    onSuccess: (start) => {
      window.location.assign(start.authorization_url);
    },
  });
  const linked = new Set((accounts.data ?? []).map((a) => a.provider));
  const telegramLinked = linked.has("telegram");
  const linkable = (providers?.oauth ?? []).filter((p) => !linked.has(p));
  return (
    <section aria-labelledby="linked" className="card space-y-4">
      <h2 id="linked" className="h2">
        {t("linked.title")}
      </h2>
      <ProblemAlert error={accounts.error || unlink.error || link.error} />
      {accounts.isPending ? (
        <Skeleton lines={2} />
      ) : accounts.data?.length ? (
        <ul className="space-y-2">
          {accounts.data.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <span className="flex-1">
                <span className="font-medium">{LABEL[a.provider] ?? a.provider}</span>
                {a.email ? <span className="muted"> · {a.email}</span> : null}
              </span>
              <button type="button" className="btn-secondary" onClick={() => unlink.mutate(a.id)} disabled={unlink.isPending} aria-label={t("linked.unlink_name", { provider: LABEL[a.provider] ?? a.provider })}>
                {t("linked.unlink")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("linked.none")}</p>
      )}
      {linkable.length ? (
        <div className="flex flex-wrap gap-2">
          {linkable.map((p) => (
            <button key={p} type="button" className="btn-secondary" onClick={() => link.mutate(p)} disabled={link.isPending}>
              {t("auth:link_provider", { provider: LABEL[p] ?? p })}
            </button>
          ))}
        </div>
      ) : null}
      {providers?.telegram_bot_username && !telegramLinked ? <p className="muted text-sm">{t("linked.telegram_hint", { bot: providers.telegram_bot_username })}</p> : null}
    </section>
  );
}

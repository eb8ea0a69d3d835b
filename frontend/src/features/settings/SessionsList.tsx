import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { formatDate } from "../../lib/format";

export function SessionsList() {
  const { t, i18n } = useTranslation("settings");
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: () => unwrap(api.GET("/api/v1/users/me/sessions")) });
  const refresh = () => client.invalidateQueries({ queryKey: ["sessions"] });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/users/me/sessions/{session_id}", { params: { path: { session_id: id } } })),
    onSuccess: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/users/me/sessions", { params: { query: { keep_current: true } } })),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby="sessions" className="card space-y-4">
      <h2 id="sessions" className="h2">
        {t("sessions.title")}
      </h2>
      <ProblemAlert error={sessions.error || revoke.error || revokeOthers.error} />
      {sessions.isPending ? (
        <Skeleton lines={3} />
      ) : (
        <ul className="space-y-2" aria-label={t("sessions.title")}>
          {(sessions.data ?? []).map((s) => (
            <li key={s.id} className="flex flex-col gap-2 border-b border-stone-200 pb-2 last:border-0 sm:flex-row sm:items-center dark:border-night-3" data-testid="session-row">
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate font-medium">{s.user_agent || t("sessions.unknown_device")}</p>
                <p className="muted">
                  {s.ip_address ? `${s.ip_address} · ` : ""}
                  {t("sessions.last_used", { date: formatDate(s.last_used_at, i18n.language) })}
                  {s.current ? ` · ${t("sessions.current")}` : ""}
                </p>
              </div>
              {!s.current ? (
                <button type="button" className="btn-secondary" onClick={() => revoke.mutate(s.id)} disabled={revoke.isPending}>
                  {t("sessions.revoke")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn-secondary" onClick={() => revokeOthers.mutate()} disabled={revokeOthers.isPending}>
        {t("sessions.revoke_others")}
      </button>
    </section>
  );
}

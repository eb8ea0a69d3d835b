import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ConfirmPanel } from "../../components/ConfirmPanel";
import { CopyField } from "../../components/CopyField";
import { TextField } from "../../components/Field";
import { ProblemAlert } from "../../components/ProblemAlert";
import { ME_KEY, type User } from "../../hooks/useMe";

export function CalendarFeed() {
  const { t } = useTranslation("settings");
  const client = useQueryClient();
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/calendar/rotate")),
    onSuccess: (feed) => client.setQueryData(["calendar-feed"], feed),
  });
  return (
    <section aria-labelledby="calendar-settings" className="card space-y-3">
      <h2 id="calendar-settings" className="h2">
        {t("calendar.title")}
      </h2>
      <p className="muted text-sm">{t("calendar.hint")}</p>
      <ProblemAlert error={rotate.error} />
      {rotate.data ? <CopyField label={t("calendar.new_url")} value={rotate.data.url} /> : null}
      <button type="button" className="btn-secondary" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
        {t("calendar.rotate")}
      </button>
    </section>
  );
}

export function ExportData() {
  const { t } = useTranslation("settings");
  const exportData = useMutation({
    mutationFn: () => unwrap(api.GET("/api/v1/users/me/export")),
    onSuccess: (data) => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = "santa-my-data.json";
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  return (
    <section aria-labelledby="export-data" className="card space-y-3">
      <h2 id="export-data" className="h2">
        {t("export.title")}
      </h2>
      <p className="muted text-sm">{t("export.hint")}</p>
      <ProblemAlert error={exportData.error} />
      <button type="button" className="btn-secondary" onClick={() => exportData.mutate()} disabled={exportData.isPending}>
        {t("export.button")}
      </button>
    </section>
  );
}

export function DeleteAccount({ me }: { me: User }) {
  const { t } = useTranslation("settings");
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const client = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/me/delete", { body: { password: me.has_password ? password : null } })),
    onSuccess: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
      navigate("/");
    },
  });
  return (
    <section aria-labelledby="delete-account" className="card space-y-3">
      <h2 id="delete-account" className="h2">
        {t("delete.title")}
      </h2>
      <p className="muted text-sm">{t("delete.hint")}</p>
      <button type="button" className="btn-danger" onClick={() => setOpen(true)}>
        {t("delete.button")}
      </button>
      {open ? (
        <ConfirmPanel title={t("delete.confirm")} confirmLabel={t("delete.button")} onConfirm={() => remove.mutate()} onCancel={() => setOpen(false)} busy={remove.isPending} confirmDisabled={me.has_password && !password}>
          {me.has_password ? <TextField label={t("delete.password")} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /> : null}
          <ProblemAlert error={remove.error} className="mt-2" />
        </ConfirmPanel>
      ) : null}
    </section>
  );
}

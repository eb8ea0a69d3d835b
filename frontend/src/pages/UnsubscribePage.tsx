import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";

import { unwrap } from "../api/client";
import { api } from "../api/instance";
import { PageTitle } from "../components/PageTitle";
import { ProblemAlert } from "../components/ProblemAlert";

/** One-click unsubscribe by the email's token (the email's own link opens the API's page; this does the same). */
export default function UnsubscribePage() {
  const { t } = useTranslation("settings");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/unsubscribe", { params: { query: { token } } })),
  });
  return (
    <>
      <PageTitle title={t("unsubscribe.title")}>{t("unsubscribe.title")}</PageTitle>
      <div className="card max-w-lg">
        {unsubscribe.isSuccess ? (
          <p role="status">{t("unsubscribe.done")}</p>
        ) : (
          <>
            <p>{t("unsubscribe.question")}</p>
            <ProblemAlert error={unsubscribe.error} className="mt-3" />
            <button type="button" className="btn-primary mt-4" disabled={!token || unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
              {t("unsubscribe.button")}
            </button>
          </>
        )}
      </div>
    </>
  );
}

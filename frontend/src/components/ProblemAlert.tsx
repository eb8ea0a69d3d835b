import { useTranslation } from "react-i18next";

import { ApiProblem } from "../api/problem";

/** The API's problem in the current language (the server translates `detail` by Accept-Language). */
export function problemMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiProblem) {
    if (error.code === "network_error") return t("errors:network_error");
    if (error.status === 401 && !error.detail) return t("errors:signed_out");
    return error.detail || error.title || t("errors:generic");
  }
  return t("errors:generic");
}

export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div
      role="alert"
      className={`rounded-lg border border-berry-600 bg-berry-50 p-3 text-sm text-berry-700 dark:border-berry-300 dark:bg-night-3 dark:text-berry-300 ${className ?? ""}`}
      data-problem-code={error instanceof ApiProblem ? error.code : undefined}
    >
      {problemMessage(error, t)}
    </div>
  );
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fieldErrors() : {};
}

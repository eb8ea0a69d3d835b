import { useTranslation } from "react-i18next";

import type { BoxStatus } from "../api/types";

const TONE: Record<BoxStatus, string> = {
  draft: "bg-gold-100 text-gold-800",
  ready: "bg-berry-100 text-berry-700",
  drawing: "bg-berry-100 text-berry-700",
  matched: "bg-pine-50 text-pine-700",
  archived: "bg-stone-200 text-stone-700",
};

export function BoxStatusBadge({ status }: { status: BoxStatus }) {
  const { t } = useTranslation("boxes");
  return <span className={`badge ${TONE[status]}`}>{t(`status.${status}`)}</span>;
}

import { useTranslation } from "react-i18next";

/** A placeholder of the final shape, so the page does not jump when data arrives. */
export function Skeleton({ lines = 3, className }: { lines?: number; className?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className={`animate-pulse space-y-3 ${className ?? ""}`}>
      <span className="sr-only">{t("loading")}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-5 rounded bg-stone-200 dark:bg-night-3" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-1/2 animate-pulse rounded bg-stone-200 dark:bg-night-3" />
      <div className="card">
        <Skeleton lines={4} />
      </div>
    </div>
  );
}

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** An inline confirmation that takes focus; Escape or Cancel closes it. */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger = true,
  confirmDisabled,
}: {
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  confirmDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
      className="mt-3 rounded-lg border-2 border-gold-500 bg-gold-100 p-4 text-stone-900 dark:bg-night-3 dark:text-stone-100"
    >
      <p id={`${id}-title`} className="font-semibold">
        {title}
      </p>
      {children ? <div className="mt-2 text-sm">{children}</div> : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={danger ? "btn-danger" : "btn-primary"} onClick={onConfirm} disabled={busy || confirmDisabled}>
          {confirmLabel}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

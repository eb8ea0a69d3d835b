import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2500);
  }
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="flex gap-2">
        <input id={id} className="input font-mono text-sm" readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn-secondary shrink-0" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied ? t("copied") : ""}
      </p>
    </div>
  );
}

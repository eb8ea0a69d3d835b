import { useTranslation } from "react-i18next";

import { CURRENCIES, type BoxDraft } from "../lib/boxForm";
import { CheckboxField, SelectField, TextArea, TextField } from "./Field";

export { EMPTY_BOX, type BoxDraft } from "../lib/boxForm";

export type BoxSection = "basics" | "budget" | "dates" | "privacy";
export const BOX_SECTIONS: BoxSection[] = ["basics", "budget", "dates", "privacy"];

/** The fields of a box's settings, one section at a time (the wizard) or all (the settings form). */
export function BoxFields({
  section,
  draft,
  update,
  errors,
  timeZone,
}: {
  section: BoxSection;
  draft: BoxDraft;
  update: <K extends keyof BoxDraft>(key: K, value: BoxDraft[K]) => void;
  errors: Record<string, string>;
  timeZone: string;
}) {
  const { t } = useTranslation("boxes");
  const step = BOX_SECTIONS.indexOf(section);
  return (
    <>
        {step === 0 ? (
          <>
            <TextField label={t("fields.name")} name="name" required maxLength={200} value={draft.name} onChange={(e) => update("name", e.target.value)} error={errors.name} hint={t("wizard.name_hint")} />
            <TextArea label={t("fields.description")} name="description" value={draft.description} onChange={(e) => update("description", e.target.value)} error={errors.description} />
          </>
        ) : null}

        {step === 1 ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label={t("fields.min_budget")} name="min_budget" type="number" inputMode="decimal" min={0} step="0.01" value={draft.min_budget} onChange={(e) => update("min_budget", e.target.value)} error={errors.min_budget} />
            <TextField label={t("fields.max_budget")} name="max_budget" type="number" inputMode="decimal" min={0} step="0.01" value={draft.max_budget} onChange={(e) => update("max_budget", e.target.value)} error={errors.max_budget} />
            <SelectField label={t("fields.currency")} name="currency" value={draft.currency} onChange={(e) => update("currency", e.target.value)} error={errors.currency}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}

        {step === 2 ? (
          <>
            <p className="muted text-sm">{t("wizard.time_zone", { zone: timeZone })}</p>
            <TextField label={t("fields.signup_deadline")} name="signup_deadline" type="datetime-local" value={draft.signup_deadline} onChange={(e) => update("signup_deadline", e.target.value)} error={errors.signup_deadline} hint={t("wizard.signup_hint")} />
            <TextField label={t("fields.shipping_deadline")} name="shipping_deadline" type="datetime-local" value={draft.shipping_deadline} onChange={(e) => update("shipping_deadline", e.target.value)} error={errors.shipping_deadline} />
            <TextField label={t("fields.event_date")} name="event_date" type="date" value={draft.event_date} onChange={(e) => update("event_date", e.target.value)} error={errors.event_date} />
            <CheckboxField label={t("fields.auto_draw")} hint={t("wizard.auto_draw_hint")} checked={draft.auto_draw} onChange={(e) => update("auto_draw", e.target.checked)} />
          </>
        ) : null}

        {step === 3 ? (
          <>
            <CheckboxField label={t("fields.is_private_names")} hint={t("wizard.private_hint")} checked={draft.is_private_names} onChange={(e) => update("is_private_names", e.target.checked)} />
            <CheckboxField label={t("fields.organizer_participates")} checked={draft.organizer_participates} onChange={(e) => update("organizer_participates", e.target.checked)} />
            <TextArea label={t("fields.rules")} name="rules" value={draft.rules} onChange={(e) => update("rules", e.target.value)} error={errors.rules} hint={t("wizard.rules_hint")} />
          </>
        ) : null}
    </>
  );
}

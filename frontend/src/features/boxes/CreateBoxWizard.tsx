import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { BoxCreate } from "../../api/types";
import { CheckboxField, SelectField, TextArea, TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { useMe } from "../../hooks/useMe";
import { browserTimeZone, zonedToUtc } from "../../lib/format";
import { useDraftStore } from "../../stores/drafts";

export const CURRENCIES = ["EUR", "USD", "RUB", "GBP", "KZT", "BYN", "UAH", "PLN", "CHF", "CAD", "AUD", "JPY"];

interface Draft {
  name: string;
  description: string;
  currency: string;
  min_budget: string;
  max_budget: string;
  event_date: string;
  signup_deadline: string;
  shipping_deadline: string;
  is_private_names: boolean;
  organizer_participates: boolean;
  auto_draw: boolean;
  rules: string;
}

const EMPTY: Draft = {
  name: "",
  description: "",
  currency: "EUR",
  min_budget: "",
  max_budget: "",
  event_date: "",
  signup_deadline: "",
  shipping_deadline: "",
  is_private_names: false,
  organizer_participates: true,
  auto_draw: false,
  rules: "",
};

const STEPS = ["basics", "budget", "dates", "privacy"] as const;
const FIELD_STEP: Record<string, number> = {
  name: 0,
  description: 0,
  currency: 1,
  min_budget: 1,
  max_budget: 1,
  event_date: 2,
  signup_deadline: 2,
  shipping_deadline: 2,
  is_private_names: 3,
  rules: 3,
};
const DRAFT_KEY = "create-box";

export function toBoxCreate(draft: Draft, timeZone: string): BoxCreate {
  return {
    name: draft.name.trim(),
    description: draft.description,
    currency: draft.currency,
    min_budget: draft.min_budget === "" ? null : draft.min_budget,
    max_budget: draft.max_budget === "" ? null : draft.max_budget,
    event_date: draft.event_date || null,
    signup_deadline: draft.signup_deadline ? zonedToUtc(draft.signup_deadline, timeZone) : null,
    shipping_deadline: draft.shipping_deadline ? zonedToUtc(draft.shipping_deadline, timeZone) : null,
    is_private_names: draft.is_private_names,
    organizer_participates: draft.organizer_participates,
    auto_draw: draft.auto_draw,
    rules: draft.rules,
  };
}

export function CreateBoxWizard() {
  const { t } = useTranslation("boxes");
  const me = useMe().data;
  const timeZone = me?.timezone || browserTimeZone();
  const saved = useDraftStore((s) => s.drafts[DRAFT_KEY]) as Draft | undefined;
  const setDraft = useDraftStore((s) => s.setDraft);
  const clearDraft = useDraftStore((s) => s.clearDraft);
  const [draft, setLocal] = useState<Draft>({ ...EMPTY, ...saved });
  const [step, setStep] = useState(0);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const navigate = useNavigate();

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    const next = { ...draft, [key]: value };
    setLocal(next);
    setDraft(DRAFT_KEY, next);
  };

  const create = useMutation({
    mutationFn: async () => {
      const box = await unwrap(api.POST("/api/v1/boxes", { body: toBoxCreate(draft, timeZone) }));
      let joinUrl: string | null = null;
      try {
        joinUrl = (await unwrap(api.POST("/api/v1/boxes/{box_id}/join-link", { params: { path: { box_id: box.id } } }))).url;
      } catch {
        joinUrl = null;
      }
      return { box, joinUrl };
    },
    onSuccess: ({ box, joinUrl }) => {
      clearDraft(DRAFT_KEY);
      if (joinUrl) setDraft(`join-link:${box.id}`, joinUrl);
      void client.invalidateQueries({ queryKey: ["boxes"] });
      navigate(`/boxes/${box.id}`, { state: { created: true } });
    },
    onError: (error) => {
      const fields = Object.keys(fieldErrors(error));
      const first = Math.min(...fields.map((f) => FIELD_STEP[f] ?? 99));
      if (first < STEPS.length) setStep(first);
    },
  });

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const errors = { ...fieldErrors(create.error), ...localError };

  function validateStep(): boolean {
    const problems: Record<string, string> = {};
    if (step === 0 && !draft.name.trim()) problems.name = t("wizard.name_required");
    if (step === 1 && draft.min_budget && draft.max_budget && Number(draft.min_budget) > Number(draft.max_budget))
      problems.max_budget = t("wizard.budget_order");
    setLocalError(problems);
    return Object.keys(problems).length === 0;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!validateStep()) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else create.mutate();
  }

  const stepName = STEPS[step] ?? "basics";
  return (
    <form onSubmit={submit} className="card space-y-5" aria-labelledby="wizard-step" noValidate>
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t("wizard.progress")}>
        {STEPS.map((name, i) => (
          <li key={name} aria-current={i === step ? "step" : undefined} className={`badge ${i === step ? "bg-berry-600 text-white" : i < step ? "bg-pine-50 text-pine-700" : "bg-stone-200 text-stone-700"}`}>
            {i + 1}. {t(`wizard.steps.${name}`)}
          </li>
        ))}
      </ol>
      <h2 id="wizard-step" ref={heading} tabIndex={-1} className="h2">
        {t(`wizard.steps.${stepName}`)}
      </h2>
      <ProblemAlert error={create.error} />

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

      <div className="flex flex-wrap justify-between gap-2 pt-2">
        <button type="button" className="btn-secondary" disabled={step === 0} onClick={() => setStep(step - 1)}>
          {t("wizard.back")}
        </button>
        <button type="submit" className="btn-primary" disabled={create.isPending}>
          {step < STEPS.length - 1 ? t("wizard.next") : create.isPending ? t("wizard.creating") : t("wizard.create")}
        </button>
      </div>
    </form>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { BOX_SECTIONS, BoxFields, EMPTY_BOX, type BoxDraft as Draft } from "../../components/BoxFields";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { useMe } from "../../hooks/useMe";
import { checkBoxDraft, toBoxCreate } from "../../lib/boxForm";
import { browserTimeZone } from "../../lib/format";
import { useDraftStore } from "../../stores/drafts";

const STEPS = BOX_SECTIONS;
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

export { toBoxCreate };

export function CreateBoxWizard() {
  const { t } = useTranslation("boxes");
  const me = useMe().data;
  const timeZone = me?.timezone || browserTimeZone();
  const saved = useDraftStore((s) => s.drafts[DRAFT_KEY]) as Draft | undefined;
  const setDraft = useDraftStore((s) => s.setDraft);
  const clearDraft = useDraftStore((s) => s.clearDraft);
  const [draft, setLocal] = useState<Draft>({ ...EMPTY_BOX, ...saved });
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
    const fields = Object.entries(FIELD_STEP)
      .filter(([, i]) => i === step)
      .map(([f]) => f as keyof Draft);
    const problems = Object.fromEntries(Object.entries(checkBoxDraft(draft, fields)).map(([k, v]) => [k, t(v)]));
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

      <BoxFields section={stepName} draft={draft} update={update} errors={errors} timeZone={timeZone} />

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

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box } from "../../api/types";
import { BOX_SECTIONS, BoxFields } from "../../components/BoxFields";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { checkBoxDraft, fromBox, toBoxCreate, type BoxDraft } from "../../lib/boxForm";

/** Change the box's name, budget, dates, privacy and rules (organizers). */
export function BoxSettingsForm({ box, timeZone }: { box: Box; timeZone: string }) {
  const { t } = useTranslation("organizer");
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<BoxDraft>(() => fromBox(box, timeZone));
  const [local, setLocal] = useState<Record<string, string>>({});
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/v1/boxes/{box_id}", { params: { path: { box_id: box.id } }, body: toBoxCreate(draft, timeZone) })),
    onSuccess: (next) => {
      client.setQueryData(["box", box.id], next);
      void client.invalidateQueries({ queryKey: ["boxes"] });
      setDraft(fromBox(next, timeZone));
    },
  });
  const update = <K extends keyof BoxDraft>(key: K, value: BoxDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkBoxDraft(draft, ["name", "max_budget"]);
    setLocal(Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(`boxes:${v}`)])));
    if (!Object.keys(problems).length) save.mutate();
  }
  const errors = { ...fieldErrors(save.error), ...local };
  return (
    <section aria-labelledby="box-settings" className="card space-y-4">
      <h2 id="box-settings" className="h2">
        {t("settings.title")}
      </h2>
      {!open ? (
        <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
          {t("settings.edit")}
        </button>
      ) : (
        <form onSubmit={submit} className="space-y-5" aria-label={t("settings.title")} noValidate>
          <ProblemAlert error={save.error} />
          {BOX_SECTIONS.map((section) => (
            <fieldset key={section} className="space-y-4">
              <legend className="font-semibold">{t(`boxes:wizard.steps.${section}`)}</legend>
              <BoxFields section={section} draft={draft} update={update} errors={errors} timeZone={timeZone} />
            </fieldset>
          ))}
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary" disabled={save.isPending}>
              {t("common:save")}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
              {t("common:close")}
            </button>
            {save.isSuccess ? (
              <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
                {t("common:saved")}
              </p>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}

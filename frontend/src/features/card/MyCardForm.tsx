import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box, ParticipantCard } from "../../api/types";
import { CardFields, toCardUpdate, toCardValues, type CardValues } from "../../components/CardFields";
import { ConfirmPanel } from "../../components/ConfirmPanel";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { useDraftStore } from "../../stores/drafts";

export const myCardKey = (boxId: string) => ["box", boxId, "my-card"] as const;

function Editor({ box, card }: { box: Box; card: ParticipantCard }) {
  const { t } = useTranslation("card");
  const draftKey = `card:${box.id}`;
  const saved = useDraftStore((s) => s.drafts[draftKey]) as CardValues | undefined;
  const setDraft = useDraftStore((s) => s.setDraft);
  const clearDraft = useDraftStore((s) => s.clearDraft);
  const [values, setValues] = useState<CardValues>({ ...toCardValues(card), ...saved });
  const [leaving, setLeaving] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/v1/boxes/{box_id}/participants/me", { params: { path: { box_id: box.id } }, body: toCardUpdate(values) })),
    onSuccess: (next) => {
      clearDraft(draftKey);
      client.setQueryData(myCardKey(box.id), next);
      setValues(toCardValues(next));
    },
  });
  const leave = useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/boxes/{box_id}/participants/me", { params: { path: { box_id: box.id } } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["boxes"] });
      navigate("/dashboard");
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  const drawn = box.status === "matched";
  return (
    <>
      <form onSubmit={submit} className="card space-y-5" aria-label={t("my_card")} noValidate>
        <p className="rounded-lg bg-pine-50 p-3 text-sm text-pine-700 dark:bg-night-3 dark:text-pine-300" role="note">
          {drawn ? t("who_sees_after") : t("who_sees")}
        </p>
        <ProblemAlert error={save.error} />
        <CardFields
          privateNames={box.is_private_names}
          values={values}
          onChange={(next) => {
            setValues(next);
            setDraft(draftKey, next);
          }}
          errors={fieldErrors(save.error)}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {save.isPending ? t("common:saving") : t("save_card")}
          </button>
          {save.isSuccess ? (
            <p role="status" className="text-sm font-medium text-pine-700 dark:text-pine-300">
              {t("common:saved")}
            </p>
          ) : null}
        </div>
      </form>
      {!drawn && box.status !== "archived" && box.my_role !== "organizer" ? (
        <div className="mt-6">
          <button type="button" className="btn-danger" onClick={() => setLeaving(true)}>
            {t("leave_box")}
          </button>
          {leaving ? (
            <ConfirmPanel title={t("leave_confirm")} confirmLabel={t("leave_box")} onConfirm={() => leave.mutate()} onCancel={() => setLeaving(false)} busy={leave.isPending}>
              <ProblemAlert error={leave.error} />
            </ConfirmPanel>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

export function MyCardForm({ box }: { box: Box }) {
  const card = useQuery({
    queryKey: myCardKey(box.id),
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/participants/me", { params: { path: { box_id: box.id } } })),
  });
  if (card.isPending) return <Skeleton lines={6} className="card" />;
  if (card.isError) return <ProblemAlert error={card.error} />;
  return <Editor box={box} card={card.data} />;
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box, ParticipantCard } from "../../api/types";
import { CardFields, toCardUpdate, toCardValues, type CardValues } from "../../components/CardFields";
import { GifteeCardView } from "../../components/GifteeCardView";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { participantsKey } from "../../hooks/useBox";

function CardEditor({ box, person }: { box: Box; person: ParticipantCard }) {
  const { t } = useTranslation("organizer");
  const [values, setValues] = useState<CardValues>(toCardValues(person));
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH("/api/v1/boxes/{box_id}/participants/{participant_id}", {
          params: { path: { box_id: box.id, participant_id: person.id } },
          body: toCardUpdate(values),
        }),
      ),
    onSuccess: (next) => {
      client.setQueryData(["box", box.id, "person", person.id], next);
      void client.invalidateQueries({ queryKey: participantsKey(box.id) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit} className="card space-y-5" aria-label={t("act_for.card", { name: person.display_name })} noValidate>
      <h2 className="h2">{t("act_for.card", { name: person.display_name })}</h2>
      <ProblemAlert error={save.error} />
      <CardFields privateNames={box.is_private_names} values={values} onChange={setValues} errors={fieldErrors(save.error)} />
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={save.isPending}>
          {t("common:save")}
        </button>
        {save.isSuccess ? (
          <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
            {t("common:saved")}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function OfflineAssignment({ box, person }: { box: Box; person: ParticipantCard }) {
  const { t } = useTranslation("organizer");
  const [open, setOpen] = useState(false);
  const assignment = useQuery({
    queryKey: ["box", box.id, "person", person.id, "assignment"],
    enabled: open,
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/participants/{participant_id}/assignment", { params: { path: { box_id: box.id, participant_id: person.id } } })),
  });
  return (
    <section aria-labelledby="offline-assignment" className="card space-y-3">
      <h2 id="offline-assignment" className="h2">
        {t("act_for.assignment", { name: person.display_name })}
      </h2>
      {!open ? (
        <>
          <p className="muted text-sm">{t("act_for.assignment_hint")}</p>
          <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
            {t("act_for.open_assignment")}
          </button>
        </>
      ) : assignment.isPending ? (
        <Skeleton lines={4} />
      ) : assignment.isError ? (
        <ProblemAlert error={assignment.error} />
      ) : (
        assignment.data.giftees.map((g) => <GifteeCardView key={g.participant_id} giftee={g} />)
      )}
    </section>
  );
}

/** An organizer acting for an offline person: fill their card, open their assignment after the draw. */
export function ActForPerson({ box, participantId }: { box: Box; participantId: string }) {
  const person = useQuery({
    queryKey: ["box", box.id, "person", participantId],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/participants/{participant_id}", { params: { path: { box_id: box.id, participant_id: participantId } } })),
  });
  if (person.isPending) return <Skeleton lines={6} className="card" />;
  if (person.isError) return <ProblemAlert error={person.error} />;
  return (
    <div className="space-y-6">
      <CardEditor box={box} person={person.data} />
      {box.status === "matched" || box.status === "archived" ? <OfflineAssignment box={box} person={person.data} /> : null}
    </div>
  );
}

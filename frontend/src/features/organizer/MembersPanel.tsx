import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { memo, useDeferredValue, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Box, Participant } from "../../api/types";
import { ConfirmPanel } from "../../components/ConfirmPanel";
import { CheckboxField, TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { participantsKey, useParticipants } from "../../hooks/useBox";

/** Invited → joined → card filled (after the draw cards are "locked", which changes nothing here). */
export function memberState(p: Participant): "invited" | "card_filled" | "joined" | "offline" {
  if (p.status === "invited") return "invited";
  if (p.has_wishes || p.has_address) return "card_filled";
  if (p.is_offline) return "offline";
  return "joined";
}

const TONE = {
  invited: "bg-gold-100 text-gold-800",
  joined: "bg-berry-100 text-berry-700",
  card_filled: "bg-pine-50 text-pine-700",
  offline: "bg-stone-200 text-stone-700",
} as const;

type RowActions = {
  setRole: (person: Participant, role: "participant" | "co_organizer") => void;
  remove: (person: Participant, done: () => void) => void;
  /** The person an action is running or failed for, with its error. */
  busyId: string | null;
  failed: { id: string; error: unknown } | null;
};

/** One member. The actions live in the panel (one mutation for all rows, not two per row), and so
 * does the translation hook (`t` comes with the props: one i18next subscription, not one a row). */
const MemberRow = memo(function MemberRow({ box, person, actions, t }: { box: Box; person: Participant; actions: RowActions; t: TFunction<"organizer"> }) {
  const [confirm, setConfirm] = useState(false);
  const busy = actions.busyId === person.id;
  const state = memberState(person);
  const isOrganizer = person.role === "organizer";
  return (
    <li className="border-b border-stone-200 py-3 last:border-0 dark:border-night-3" data-testid="member-row">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">
            {person.display_name}
            {person.nickname ? <span className="muted"> ({person.nickname})</span> : null}
            {person.is_me ? <span className="muted"> · {t("members.you")}</span> : null}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className={`badge ${TONE[state]}`}>{t(`member_state.${state}`)}</span>
            {person.role !== "participant" ? <span className="badge bg-stone-200 text-stone-800">{t(`roles.${person.role}`)}</span> : null}
            {!person.takes_part ? <span className="muted">{t("members.not_taking_part")}</span> : null}
            {person.email ? <span className="muted truncate">{person.email}</span> : null}
          </p>
        </div>
        {!isOrganizer ? (
          <div className="flex flex-wrap gap-2">
            {person.is_offline ? (
              <Link className="btn-secondary" to={`/boxes/${box.id}/people/${person.id}`} aria-label={t("members.act_for_name", { name: person.display_name })}>
                {t("members.act_for")}
              </Link>
            ) : null}
            {!person.is_offline && person.status === "active" ? (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => actions.setRole(person, person.role === "co_organizer" ? "participant" : "co_organizer")}
                disabled={busy}
                aria-label={person.role === "co_organizer" ? t("members.demote_name", { name: person.display_name }) : t("members.promote_name", { name: person.display_name })}
              >
                {person.role === "co_organizer" ? t("members.demote") : t("members.promote")}
              </button>
            ) : null}
            <button type="button" className="btn-danger" onClick={() => setConfirm(true)} aria-label={t("members.remove_name", { name: person.display_name })}>
              {t("common:remove")}
            </button>
          </div>
        ) : null}
      </div>
      <ProblemAlert error={actions.failed?.id === person.id ? actions.failed.error : null} className="mt-2" />
      {confirm ? (
        <ConfirmPanel
          title={t("members.remove_confirm", { name: person.display_name })}
          confirmLabel={t("common:remove")}
          onConfirm={() => actions.remove(person, () => setConfirm(false))}
          onCancel={() => setConfirm(false)}
          busy={busy}
        >
          {box.status === "matched" ? t("members.remove_after_draw") : null}
        </ConfirmPanel>
      ) : null}
    </li>
  );
});

function AddPersonForm({ boxId }: { boxId: string }) {
  const { t } = useTranslation("organizer");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [offline, setOffline] = useState(true);
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/boxes/{box_id}/participants", {
          params: { path: { box_id: boxId } },
          body: { display_name: name.trim(), offline, email: offline ? null : email.trim() || null },
        }),
      ),
    onSuccess: () => {
      setName("");
      setEmail("");
      void client.invalidateQueries({ queryKey: participantsKey(boxId) });
      void client.invalidateQueries({ queryKey: ["box", boxId] });
    },
  });
  const errors = fieldErrors(add.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-stone-200 p-4 dark:border-night-3" aria-label={t("members.add_title")} noValidate>
      <h3 className="font-semibold">{t("members.add_title")}</h3>
      <ProblemAlert error={add.error} />
      <TextField label={t("members.person_name")} value={name} onChange={(e) => setName(e.target.value)} required error={errors.display_name} />
      <CheckboxField label={t("members.offline")} hint={t("members.offline_hint")} checked={offline} onChange={(e) => setOffline(e.target.checked)} />
      {!offline ? <TextField label={t("members.person_email")} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} /> : null}
      <button type="submit" className="btn-secondary" disabled={add.isPending || !name.trim()}>
        {t("members.add")}
      </button>
      {add.isSuccess ? (
        <p role="status" className="text-sm text-pine-700 dark:text-pine-300">
          {t("members.added")}
        </p>
      ) : null}
    </form>
  );
}

/** Rows shown at first and added by each "show more": a 300-person box renders fast and stays light. */
export const MEMBERS_PAGE = 25;

/** Members with their status (invited / joined / card filled), roles, removal, offline people. */
export function MembersPanel({ box }: { box: Box }) {
  const { t } = useTranslation("organizer");
  const people = useParticipants(box.id);
  // The rows are built in a transition when the members arrive (in slices, not one long task).
  const members = useDeferredValue(people.data);
  const [query, setQuery] = useState("");
  const [limit, setLimit] = useState(MEMBERS_PAGE);
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: participantsKey(box.id) });
    void client.invalidateQueries({ queryKey: ["box", box.id] });
  };
  const setRole = useMutation({
    mutationFn: ({ person, role }: { person: Participant; role: "participant" | "co_organizer" }) =>
      unwrap(api.PATCH("/api/v1/boxes/{box_id}/participants/{participant_id}", { params: { path: { box_id: box.id, participant_id: person.id } }, body: { role } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ person }: { person: Participant }) =>
      unwrap(api.DELETE("/api/v1/boxes/{box_id}/participants/{participant_id}", { params: { path: { box_id: box.id, participant_id: person.id } } })),
    onSuccess: refresh,
  });
  const running = setRole.isPending ? setRole.variables : remove.isPending ? remove.variables : undefined;
  const failedWith = setRole.error ? { id: setRole.variables?.person.id, error: setRole.error } : remove.error ? { id: remove.variables?.person.id, error: remove.error } : null;
  const failedId = failedWith?.id ?? null;
  const failedError = failedWith?.error ?? null;
  const { mutate: roleMutate } = setRole;
  const { mutate: removeMutate } = remove;
  const actions = useMemo<RowActions>(
    () => ({
      setRole: (person, role) => roleMutate({ person, role }),
      remove: (person, done) => removeMutate({ person }, { onSettled: done }),
      busyId: running?.person.id ?? null,
      failed: failedId ? { id: failedId, error: failedError } : null,
    }),
    [roleMutate, removeMutate, running, failedId, failedError],
  );
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = members ?? [];
    return q ? all.filter((p) => `${p.display_name} ${p.nickname ?? ""} ${p.email ?? ""}`.toLowerCase().includes(q)) : all;
  }, [members, query]);
  const counts = useMemo(() => {
    const c = { invited: 0, joined: 0, card_filled: 0 };
    for (const p of members ?? []) {
      const s = memberState(p);
      if (s === "invited") c.invited++;
      else if (s === "card_filled") c.card_filled++;
      else c.joined++;
    }
    return c;
  }, [members]);
  return (
    <section aria-labelledby="members" className="card space-y-4">
      <h2 id="members" className="h2">
        {t("members.title")}
      </h2>
      {people.isError ? (
        <ProblemAlert error={people.error} />
      ) : !members ? (
        <Skeleton lines={5} />
      ) : (
        <>
          <p className="muted text-sm" data-testid="member-counts">
            {t("members.counts", { invited: counts.invited, joined: counts.joined, filled: counts.card_filled })}
          </p>
          {members.length > 8 ? <TextField label={t("members.search")} type="search" value={query} onChange={(e) => setQuery(e.target.value)} /> : null}
          <ul aria-label={t("members.list")}>
            {shown.slice(0, limit).map((person) => (
              <MemberRow key={person.id} box={box} person={person} actions={actions} t={t} />
            ))}
          </ul>
          {shown.length > limit ? (
            <button type="button" className="btn-secondary" onClick={() => setLimit(limit + MEMBERS_PAGE)} data-testid="members-more">
              {t("members.show_more", { shown: limit, total: shown.length })}
            </button>
          ) : null}
        </>
      )}
      {box.status !== "archived" ? <AddPersonForm boxId={box.id} /> : null}
    </section>
  );
}

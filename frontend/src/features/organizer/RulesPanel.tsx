import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { Participant } from "../../api/types";
import { ComboboxField } from "../../components/ComboboxField";
import { CheckboxField, TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { participantsKey, useParticipants } from "../../hooks/useBox";

/** People listed at once in the household form (more: type a name). */
const HOUSEHOLD_LIST = 24;

const householdsKey = (boxId: string) => ["box", boxId, "households"] as const;
const exclusionsKey = (boxId: string) => ["box", boxId, "exclusions"] as const;
const forcedKey = (boxId: string) => ["box", boxId, "forced-pairs"] as const;

function useInvalidateRules(boxId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: householdsKey(boxId) });
    void client.invalidateQueries({ queryKey: exclusionsKey(boxId) });
    void client.invalidateQueries({ queryKey: forcedKey(boxId) });
    void client.invalidateQueries({ queryKey: participantsKey(boxId) });
    void client.invalidateQueries({ queryKey: ["box", boxId, "preview"] });
  };
}

function HouseholdForm({ boxId, people }: { boxId: string; people: Participant[] }) {
  const { t } = useTranslation("organizer");
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const invalidate = useInvalidateRules(boxId);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/households", { params: { path: { box_id: boxId } }, body: { name, participant_ids: chosen } })),
    onSuccess: () => {
      setName("");
      setChosen([]);
      invalidate();
    },
  });
  const [filter, setFilter] = useState("");
  const free = people.filter((p) => !p.household_id && p.takes_part);
  // A big box lists the chosen people and the first matches of the filter, not hundreds of boxes.
  const q = filter.trim().toLowerCase();
  const matching = q ? free.filter((p) => p.display_name.toLowerCase().includes(q)) : free;
  const listed =
    free.length > HOUSEHOLD_LIST
      ? [...free.filter((p) => chosen.includes(p.id)), ...matching.filter((p) => !chosen.includes(p.id)).slice(0, HOUSEHOLD_LIST)]
      : free;
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-stone-200 p-4 dark:border-night-3" aria-label={t("rules.add_household")} noValidate>
      <h4 className="font-semibold">{t("rules.add_household")}</h4>
      <ProblemAlert error={create.error} />
      <TextField label={t("rules.household_name")} value={name} onChange={(e) => setName(e.target.value)} error={fieldErrors(create.error).name} />
      <fieldset>
        <legend className="label">{t("rules.household_members")}</legend>
        {free.length > HOUSEHOLD_LIST ? (
          <div className="mb-2">
            <TextField label={t("rules.household_filter")} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
            {matching.length > HOUSEHOLD_LIST ? <p className="muted text-sm">{t("rules.household_showing", { shown: HOUSEHOLD_LIST, total: matching.length })}</p> : null}
          </div>
        ) : null}
        {free.length ? (
          <div className="grid gap-2 sm:grid-cols-2">
            {listed.map((p) => (
              <CheckboxField
                key={p.id}
                label={p.display_name}
                checked={chosen.includes(p.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id))}
              />
            ))}
          </div>
        ) : (
          <p className="muted text-sm">{t("rules.no_free_people")}</p>
        )}
      </fieldset>
      <button type="submit" className="btn-secondary" disabled={create.isPending || chosen.length < 2}>
        {t("rules.create_household")}
      </button>
    </form>
  );
}

type PairPickersProps = {
  people: Participant[];
  santa: string;
  giftee: string;
  onSanta: (id: string) => void;
  onGiftee: (id: string) => void;
  santaLabel: string;
  gifteeLabel: string;
};

/** Who gives and who receives, among the people taking part (never the santa twice). */
function PairPickers({ people, santa, giftee, onSanta, onGiftee, santaLabel, gifteeLabel }: PairPickersProps) {
  const { t } = useTranslation("organizer");
  const eligible = useMemo(() => people.filter((p) => p.takes_part).map((p) => ({ id: p.id, label: p.display_name, hint: p.nickname || p.email })), [people]);
  const giftees = useMemo(() => eligible.filter((p) => p.id !== santa), [eligible, santa]);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <ComboboxField label={santaLabel} options={eligible} value={santa} onChange={onSanta} placeholder={t("rules.choose")} />
      <ComboboxField label={gifteeLabel} options={giftees} value={giftee} onChange={onGiftee} placeholder={t("rules.choose")} />
    </div>
  );
}

function ExclusionForm({ boxId, people }: { boxId: string; people: Participant[] }) {
  const { t } = useTranslation("organizer");
  const [santa, setSanta] = useState("");
  const [giftee, setGiftee] = useState("");
  const [bothWays, setBothWays] = useState(true);
  const invalidate = useInvalidateRules(boxId);
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/boxes/{box_id}/exclusions", { params: { path: { box_id: boxId } }, body: { santa_participant_id: santa, giftee_participant_id: giftee, both_ways: bothWays } })),
    onSuccess: () => {
      setSanta("");
      setGiftee("");
      invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-stone-200 p-4 dark:border-night-3" aria-label={t("rules.add_exclusion")} noValidate>
      <h4 className="font-semibold">{t("rules.add_exclusion")}</h4>
      <ProblemAlert error={create.error} />
      <PairPickers people={people} santa={santa} giftee={giftee} onSanta={setSanta} onGiftee={setGiftee} santaLabel={t("rules.santa")} gifteeLabel={t("rules.giftee")} />
      <CheckboxField label={t("rules.both_ways")} checked={bothWays} onChange={(e) => setBothWays(e.target.checked)} />
      <button type="submit" className="btn-secondary" disabled={create.isPending || !santa || !giftee}>
        {t("rules.create_exclusion")}
      </button>
    </form>
  );
}

function ForcedPairForm({ boxId, people }: { boxId: string; people: Participant[] }) {
  const { t } = useTranslation("organizer");
  const [santa, setSanta] = useState("");
  const [giftee, setGiftee] = useState("");
  const invalidate = useInvalidateRules(boxId);
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/v1/boxes/{box_id}/forced-pairs", { params: { path: { box_id: boxId } }, body: { santa_participant_id: santa, giftee_participant_id: giftee } })),
    onSuccess: () => {
      setSanta("");
      setGiftee("");
      invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-stone-200 p-4 dark:border-night-3" aria-label={t("rules.add_forced_pair")} noValidate>
      <h4 className="font-semibold">{t("rules.add_forced_pair")}</h4>
      <ProblemAlert error={create.error} />
      <PairPickers people={people} santa={santa} giftee={giftee} onSanta={setSanta} onGiftee={setGiftee} santaLabel={t("rules.forced_santa")} gifteeLabel={t("rules.forced_giftee")} />
      <button type="submit" className="btn-secondary" disabled={create.isPending || !santa || !giftee}>
        {t("rules.create_forced_pair")}
      </button>
    </form>
  );
}

/** Households (no gifts inside a household), exclusions (this santa never gives to that person)
 * and forced pairs (this santa always gives to that person; organizers only). */
export function RulesPanel({ boxId, editable }: { boxId: string; editable: boolean }) {
  const { t } = useTranslation("organizer");
  const people = useParticipants(boxId);
  const households = useQuery({ queryKey: householdsKey(boxId), queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/households", { params: { path: { box_id: boxId } } })) });
  const exclusions = useQuery({ queryKey: exclusionsKey(boxId), queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/exclusions", { params: { path: { box_id: boxId } } })) });
  const forced = useQuery({ queryKey: forcedKey(boxId), queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/forced-pairs", { params: { path: { box_id: boxId } } })) });
  const invalidate = useInvalidateRules(boxId);
  const removeForced = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/boxes/{box_id}/forced-pairs/{forced_pair_id}", { params: { path: { box_id: boxId, forced_pair_id: id } } })),
    onSuccess: invalidate,
  });
  const removeHousehold = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/boxes/{box_id}/households/{household_id}", { params: { path: { box_id: boxId, household_id: id } } })),
    onSuccess: invalidate,
  });
  const removeExclusion = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/boxes/{box_id}/exclusions/{exclusion_id}", { params: { path: { box_id: boxId, exclusion_id: id } } })),
    onSuccess: invalidate,
  });
  const names = new Map((people.data ?? []).map((p) => [p.id, p.display_name]));
  const name = (id: string) => names.get(id) ?? "?";
  if (people.isPending || households.isPending || exclusions.isPending || forced.isPending) return <Skeleton lines={4} className="card" />;
  return (
    <section aria-labelledby="rules" className="card space-y-5">
      <h2 id="rules" className="h2">
        {t("rules.title")}
      </h2>
      <ProblemAlert error={people.error || households.error || exclusions.error || forced.error || removeHousehold.error || removeExclusion.error || removeForced.error} />
      <div className="space-y-3">
        <h3 className="font-semibold">{t("rules.households")}</h3>
        <p className="muted text-sm">{t("rules.households_hint")}</p>
        {households.data?.length ? (
          <ul className="space-y-2" aria-label={t("rules.households")}>
            {households.data.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-3 dark:bg-night-3" data-testid="household-row">
                <span className="flex-1">
                  <span className="font-medium">{h.name || t("rules.household")}</span>: {h.participant_ids.map(name).join(", ")}
                </span>
                {editable ? (
                  <button type="button" className="btn-danger" onClick={() => removeHousehold.mutate(h.id)} aria-label={t("rules.remove_household", { name: h.name || t("rules.household") })}>
                    {t("common:remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted text-sm">{t("rules.no_households")}</p>
        )}
        {editable ? <HouseholdForm boxId={boxId} people={people.data ?? []} /> : null}
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold">{t("rules.exclusions")}</h3>
        {exclusions.data?.length ? (
          <ul className="space-y-2" aria-label={t("rules.exclusions")}>
            {exclusions.data.map((x) => (
              <li key={x.id} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-3 dark:bg-night-3" data-testid="exclusion-row">
                <span className="flex-1">{t("rules.exclusion_text", { santa: name(x.santa_participant_id), giftee: name(x.giftee_participant_id) })}</span>
                {editable ? (
                  <button
                    type="button"
                    className="btn-danger"
                    onClick={() => removeExclusion.mutate(x.id)}
                    aria-label={t("rules.remove_exclusion", { santa: name(x.santa_participant_id), giftee: name(x.giftee_participant_id) })}
                  >
                    {t("common:remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted text-sm">{t("rules.no_exclusions")}</p>
        )}
        {editable ? <ExclusionForm boxId={boxId} people={people.data ?? []} /> : null}
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold">{t("rules.forced_pairs")}</h3>
        <p className="muted text-sm">{t("rules.forced_hint")}</p>
        {forced.data?.length ? (
          <ul className="space-y-2" aria-label={t("rules.forced_pairs")}>
            {forced.data.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-2 rounded-lg bg-stone-100 p-3 dark:bg-night-3" data-testid="forced-row">
                <span className="flex-1">{t("rules.forced_text", { santa: name(f.santa_participant_id), giftee: name(f.giftee_participant_id) })}</span>
                {editable ? (
                  <button
                    type="button"
                    className="btn-danger"
                    onClick={() => removeForced.mutate(f.id)}
                    aria-label={t("rules.remove_forced_pair", { santa: name(f.santa_participant_id), giftee: name(f.giftee_participant_id) })}
                  >
                    {t("common:remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted text-sm">{t("rules.no_forced_pairs")}</p>
        )}
        {editable ? <ForcedPairForm boxId={boxId} people={people.data ?? []} /> : null}
      </div>
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { components } from "../../api/schema.gen";
import { ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";

type Gift = components["schemas"]["Gift"];
type Action = components["schemas"]["GiftAction"];

function GiftRow({ boxId, gift }: { boxId: string; gift: Gift }) {
  const { t } = useTranslation("exchange");
  const client = useQueryClient();
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState("");
  const [thanks, setThanks] = useState("");
  const move = useMutation({
    mutationFn: (action: Action) =>
      unwrap(
        api.POST("/api/v1/boxes/{box_id}/gifts/{pair_id}", {
          params: { path: { box_id: boxId, pair_id: gift.pair_id } },
          body: {
            action,
            carrier: action === "sent" && carrier.trim() ? carrier.trim() : null,
            tracking: action === "sent" && tracking.trim() ? tracking.trim() : null,
            thank_you: action === "received" && thanks.trim() ? thanks.trim() : null,
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["box", boxId, "gifts"] }),
  });
  const canSend = gift.allowed_actions.includes("sent");
  const canReceive = gift.allowed_actions.includes("received");
  return (
    <li className="rounded-lg border p-3 space-y-2" data-testid="gift">
      <p className="font-medium">
        {gift.my_role === "santa" ? t("gift_for", { name: gift.title }) : t("gift_from", { name: gift.title })}
        {" — "}
        <span data-testid="gift-status">{t(`status_${gift.status}`)}</span>
      </p>
      {gift.carrier || gift.tracking ? <p className="muted text-sm">{t("tracking_line", { carrier: gift.carrier ?? "—", tracking: gift.tracking ?? "—" })}</p> : null}
      {gift.thank_you ? <p className="text-sm">{t("thank_you_line", { note: gift.thank_you })}</p> : null}
      {canSend ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <label className="text-sm">
            {t("carrier")}
            <input className="input w-full" value={carrier} maxLength={100} onChange={(e) => setCarrier(e.target.value)} />
          </label>
          <label className="text-sm">
            {t("tracking")}
            <input className="input w-full" value={tracking} maxLength={500} onChange={(e) => setTracking(e.target.value)} />
          </label>
        </div>
      ) : null}
      {canReceive ? (
        <label className="block text-sm">
          {t("thank_you")}
          <input className="input w-full" value={thanks} maxLength={500} onChange={(e) => setThanks(e.target.value)} />
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {gift.allowed_actions.map((a) => (
          <button key={a} type="button" className={a === "missing" ? "btn-secondary" : "btn-primary"} disabled={move.isPending} onClick={() => move.mutate(a)}>
            {t(`action_${a}`)}
          </button>
        ))}
      </div>
      {move.isError ? <ProblemAlert error={move.error} /> : null}
    </li>
  );
}

/**
 * The gifts I give and get, with the moves I may make now: the santa marks bought, then sent
 * (carrier and tracking note); the giftee marks received with a thank-you note.
 * `side` keeps only the gifts where I am that side (santa on the giftee page, giftee on the box page).
 */
export function GiftsPanel({ boxId, side }: { boxId: string; side?: "santa" | "giftee" }) {
  const { t } = useTranslation("exchange");
  const gifts = useQuery({
    queryKey: ["box", boxId, "gifts"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/gifts", { params: { path: { box_id: boxId } } })),
  });
  if (gifts.isPending) return <Skeleton lines={3} className="card" />;
  if (gifts.isError) return <ProblemAlert error={gifts.error} />;
  const items = gifts.data.items.filter((g) => !side || g.my_role === side);
  if (!items.length) return null;
  return (
    <section aria-labelledby={`gifts-title-${side ?? "all"}`} className="card space-y-3">
      <h2 id={`gifts-title-${side ?? "all"}`} className="h2">
        {t("gifts")}
      </h2>
      <ul className="space-y-3">
        {items.map((gift) => (
          <GiftRow key={gift.pair_id} boxId={boxId} gift={gift} />
        ))}
      </ul>
    </section>
  );
}

/** Organizers: how many gifts are on their way, and who waits (never who gives to whom). */
export function GiftSummaryPanel({ boxId }: { boxId: string }) {
  const { t } = useTranslation("exchange");
  const client = useQueryClient();
  const summary = useQuery({
    queryKey: ["box", boxId, "gift-summary"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/gifts-summary", { params: { path: { box_id: boxId } } })),
  });
  const backup = useMutation({
    mutationFn: (pairId: string) =>
      unwrap(api.POST("/api/v1/boxes/{box_id}/gifts/{pair_id}/backup-santa", { params: { path: { box_id: boxId, pair_id: pairId } }, body: {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["box", boxId, "gift-summary"] }),
  });
  if (summary.isPending) return <Skeleton lines={2} className="card" />;
  if (summary.isError) return <ProblemAlert error={summary.error} />;
  const s = summary.data;
  return (
    <section aria-labelledby="gift-summary-title" className="card space-y-3">
      <h2 id="gift-summary-title" className="h2">
        {t("gift_summary")}
      </h2>
      <p data-testid="gift-counts">{t("counts", { sent: s.sent, received: s.received, pairs: s.pairs })}</p>
      {s.issues?.length ? (
        <ul className="space-y-2">
          {s.issues.map((issue) => (
            <li key={issue.pair_id} className="flex flex-wrap items-center gap-2">
              <span>{t(`issue_${issue.reason}`, { name: issue.giftee_name })}</span>
              {issue.backup_assigned ? (
                <span className="muted text-sm">{t("backup_assigned")}</span>
              ) : (
                <button type="button" className="btn-secondary" disabled={backup.isPending} onClick={() => backup.mutate(issue.pair_id)}>
                  {t("assign_backup")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {backup.isError ? <ProblemAlert error={backup.error} /> : null}
    </section>
  );
}

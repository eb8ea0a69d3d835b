import { useTranslation } from "react-i18next";

import type { GifteeCard } from "../api/types";
import { WishList } from "./WishList";

export function GifteeCardView({ giftee }: { giftee: GifteeCard }) {
  const { t } = useTranslation("card");
  return (
    <article className="card" aria-labelledby={`giftee-${giftee.participant_id}`} data-testid="giftee-card">
      <p className="muted text-sm">{t("you_give_to")}</p>
      <h2 id={`giftee-${giftee.participant_id}`} className="h1 mt-1">
        {giftee.display_name}
      </h2>
      <h3 className="mt-4 font-semibold">{t("wishes")}</h3>
      <WishList wishes={giftee.wishes} items={giftee.wish_items} />
      <dl className="mt-4 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("address")}</dt>
          <dd className="whitespace-pre-line">{giftee.address || <span className="muted">{t("not_given")}</span>}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("phone")}</dt>
          <dd>{giftee.phone ? <a className="btn-link" href={`tel:${giftee.phone.replace(/[^\d+]/g, "")}`}>{giftee.phone}</a> : <span className="muted">{t("not_given")}</span>}</dd>
        </div>
      </dl>
    </article>
  );
}

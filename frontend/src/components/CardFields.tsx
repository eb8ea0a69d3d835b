import { useTranslation } from "react-i18next";

import type { WishItem } from "../api/types";
import { TextArea, TextField } from "./Field";

export interface CardValues {
  display_name: string;
  nickname: string;
  wishes: string;
  wish_items: WishItem[];
  address: string;
  phone: string;
}

export const EMPTY_CARD: CardValues = { display_name: "", nickname: "", wishes: "", wish_items: [], address: "", phone: "" };

/** The fields of a participant's card (my card, or an offline person's card an organizer fills). */
export function CardFields({
  values,
  onChange,
  errors,
  privateNames = false,
}: {
  values: CardValues;
  onChange: (values: CardValues) => void;
  errors: Record<string, string>;
  /** In boxes with private names members see a nickname instead of the name. */
  privateNames?: boolean;
}) {
  const { t } = useTranslation("card");
  const set = <K extends keyof CardValues>(key: K, value: CardValues[K]) => onChange({ ...values, [key]: value });
  const setItem = (index: number, patch: Partial<WishItem>) =>
    set(
      "wish_items",
      values.wish_items.map((item, i) => (i === index ? { ...item, ...patch } : item)),
    );
  return (
    <div className="space-y-5">
      <TextField label={t("display_name")} name="display_name" autoComplete="name" value={values.display_name} onChange={(e) => set("display_name", e.target.value)} error={errors.display_name} />
      {privateNames ? (
        <TextField label={t("nickname")} name="nickname" value={values.nickname} onChange={(e) => set("nickname", e.target.value)} error={errors.nickname} hint={t("nickname_hint")} />
      ) : null}
      <TextArea label={t("wishes")} name="wishes" value={values.wishes} onChange={(e) => set("wishes", e.target.value)} error={errors.wishes} hint={t("wishes_hint")} />
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("wish_items")}</legend>
        {values.wish_items.map((item, i) => (
          <div key={i} className="grid gap-2 rounded-lg border border-stone-200 p-3 sm:grid-cols-[1fr_1fr_auto] dark:border-night-3" data-testid="wish-item">
            <TextField label={t("item_title", { n: i + 1 })} value={item.title} onChange={(e) => setItem(i, { title: e.target.value })} error={errors[`wish_items.${i}.title`]} required />
            <TextField label={t("item_url", { n: i + 1 })} type="url" inputMode="url" value={item.url ?? ""} onChange={(e) => setItem(i, { url: e.target.value || null })} placeholder={t("url_placeholder")} />
            <TextField className="sm:col-span-2" label={t("item_note", { n: i + 1 })} value={item.note} onChange={(e) => setItem(i, { note: e.target.value })} />
            <div className="flex items-end">
              <button type="button" className="btn-secondary" onClick={() => set("wish_items", values.wish_items.filter((_, j) => j !== i))} aria-label={t("remove_item", { n: i + 1 })}>
                {t("common:remove")}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="btn-secondary" onClick={() => set("wish_items", [...values.wish_items, { title: "", note: "", url: null }])}>
          {t("add_item")}
        </button>
      </fieldset>
      <TextArea label={t("address")} name="address" autoComplete="street-address" value={values.address} onChange={(e) => set("address", e.target.value)} error={errors.address} />
      <TextField label={t("phone")} name="phone" type="tel" autoComplete="tel" value={values.phone} onChange={(e) => set("phone", e.target.value)} error={errors.phone} />
    </div>
  );
}

export function toCardValues(card: { display_name?: string | null; nickname?: string | null; wishes?: string | null; wish_items?: WishItem[] | null; address?: string | null; phone?: string | null }): CardValues {
  return {
    display_name: card.display_name ?? "",
    nickname: card.nickname ?? "",
    wishes: card.wishes ?? "",
    wish_items: card.wish_items ?? [],
    address: card.address ?? "",
    phone: card.phone ?? "",
  };
}

export function toCardUpdate(values: CardValues) {
  return {
    display_name: values.display_name.trim() || undefined,
    nickname: values.nickname.trim() || null,
    wishes: values.wishes,
    wish_items: values.wish_items.filter((i) => i.title.trim()).map((i) => ({ title: i.title.trim(), note: i.note, url: i.url?.trim() || null })),
    address: values.address || null,
    phone: values.phone || null,
  };
}

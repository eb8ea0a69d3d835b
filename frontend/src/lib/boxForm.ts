import type { Box, BoxCreate } from "../api/types";
import { utcToZoned, zonedToUtc } from "./format";

export const CURRENCIES = ["EUR", "USD", "RUB", "GBP", "KZT", "BYN", "UAH", "PLN", "CHF", "CAD", "AUD", "JPY"];

/** A box's settings as the form holds them (strings of inputs; times as wall clock in the user's zone). */
export interface BoxDraft {
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

export const EMPTY_BOX: BoxDraft = {
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

export function toBoxCreate(draft: BoxDraft, timeZone: string): BoxCreate {
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

export function fromBox(box: Box, timeZone: string): BoxDraft {
  return {
    name: box.name,
    description: box.description,
    currency: box.currency,
    min_budget: box.min_budget ?? "",
    max_budget: box.max_budget ?? "",
    event_date: box.event_date ?? "",
    signup_deadline: utcToZoned(box.signup_deadline, timeZone),
    shipping_deadline: utcToZoned(box.shipping_deadline, timeZone),
    is_private_names: box.is_private_names,
    organizer_participates: box.organizer_participates,
    auto_draw: box.auto_draw,
    rules: box.rules,
  };
}

/** Form checks that need no server; keys are field names, values i18n keys of `boxes:`. */
export function checkBoxDraft(draft: BoxDraft, fields: (keyof BoxDraft)[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.includes("name") && !draft.name.trim()) problems.name = "wizard.name_required";
  if (fields.includes("max_budget") && draft.min_budget && draft.max_budget && Number(draft.min_budget) > Number(draft.max_budget))
    problems.max_budget = "wizard.budget_order";
  return problems;
}

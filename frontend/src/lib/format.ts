/** Dates, money and time zones in the person's language (Intl only: no date library). */
import type { components } from "../api/schema.gen";

export function formatDate(value: string | null | undefined, language: string, timeZone?: string): string {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(language, {
    dateStyle: "long",
    ...(dateOnly ? { timeZone: "UTC" } : { timeStyle: "short", timeZone }),
  }).format(date);
}

export function formatMoney(amount: string | null | undefined, currency: string, language: string): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const n = Number(amount);
  if (Number.isNaN(n)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "1000–3000 ₽", "≤ 3000 ₽", "" when the box has no budget. */
export function formatBudget(
  min: string | null | undefined,
  max: string | null | undefined,
  currency: string,
  language: string,
): string {
  const lo = formatMoney(min, currency, language);
  const hi = formatMoney(max, currency, language);
  if (lo && hi) return `${lo} – ${hi}`;
  if (hi) return `≤ ${hi}`;
  if (lo) return `≥ ${lo}`;
  return "";
}

/** The UTC instant of a wall-clock time ("2026-12-12T18:00") in an IANA time zone. */
export function zonedToUtc(local: string, timeZone: string): string {
  const [datePart, timePart = "00:00"] = local.split("T");
  const [y, m, d] = (datePart ?? "").split("-").map(Number);
  const [hh, mm] = timePart.split(":").map(Number);
  const guess = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const offset = zoneOffset(guess, timeZone);
  let utc = guess - offset;
  const second = zoneOffset(utc, timeZone);
  if (second !== offset) utc = guess - second;
  return new Date(utc).toISOString();
}

/** The wall-clock value for a datetime-local input of an instant in a time zone. */
export function utcToZoned(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "";
  const local = new Date(t + zoneOffset(t, timeZone));
  return local.toISOString().slice(0, 16);
}

function zoneOffset(utcMillis: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utcMillis / 1000) * 1000;
}

/** An IANA zone name as the API takes it (the server refuses names outside its list). */
export type TimeZone = components["schemas"]["TimeZone"];

export function browserTimeZone(): TimeZone {
  try {
    return (Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC") as TimeZone;
  } catch {
    return "UTC";
  }
}

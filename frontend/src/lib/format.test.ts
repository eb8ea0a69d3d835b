import { describe, expect, it } from "vitest";

import { formatBudget, utcToZoned, zonedToUtc } from "./format";

describe("time zones", () => {
  it("turns a wall-clock time of a zone into the UTC instant and back", () => {
    expect(zonedToUtc("2026-12-12T18:00", "Europe/Moscow")).toBe("2026-12-12T15:00:00.000Z");
    expect(zonedToUtc("2026-07-01T09:30", "America/New_York")).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedToUtc("2026-12-01T09:30", "America/New_York")).toBe("2026-12-01T14:30:00.000Z");
    expect(utcToZoned("2026-12-12T15:00:00Z", "Europe/Moscow")).toBe("2026-12-12T18:00");
    expect(utcToZoned(null, "UTC")).toBe("");
  });
});

describe("budgets", () => {
  it("reads as a range, a ceiling, a floor or nothing", () => {
    expect(formatBudget("10", "30", "EUR", "en")).toBe("€10.00 – €30.00");
    expect(formatBudget(null, "1500", "RUB", "ru")).toMatch(/^≤ 1\s?500,00\s₽$/u);
    expect(formatBudget("5", null, "USD", "en")).toBe("≥ $5.00");
    expect(formatBudget(null, null, "EUR", "en")).toBe("");
  });
});

import { describe, expect, it } from "vitest";

import type { Box } from "../../api/types";
import { nextStep } from "./nextStep";

const base = {
  id: "b1",
  can_manage: false,
  my_role: "participant",
  organizer_participates: true,
  participant_count: 5,
  signup_deadline: null,
  status: "draft",
} as unknown as Box;

const fmt = (v: string) => `D(${v})`;

describe("nextStep", () => {
  it("tells participants to fill their card, by the deadline when there is one", () => {
    expect(nextStep(base, fmt)).toEqual({ key: "fill_card", to: "/boxes/b1/card" });
    expect(nextStep({ ...base, signup_deadline: "2026-12-12T15:00:00Z" }, fmt)).toMatchObject({ key: "fill_card_until", values: { date: "D(2026-12-12T15:00:00Z)" } });
  });

  it("tells organizers to invite, then to draw", () => {
    expect(nextStep({ ...base, can_manage: true, my_role: "organizer", participant_count: 1 }, fmt).key).toBe("invite_people");
    expect(nextStep({ ...base, can_manage: true, my_role: "organizer", status: "ready" }, fmt).key).toBe("run_draw");
  });

  it("points to the giftee after the draw", () => {
    expect(nextStep({ ...base, status: "matched" }, fmt)).toEqual({ key: "giftee_ready", to: "/boxes/b1/assignment" });
    expect(nextStep({ ...base, can_manage: true, my_role: "organizer", organizer_participates: false, status: "matched" }, fmt).key).toBe("draw_done");
  });
});

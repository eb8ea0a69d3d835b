import type { Box } from "../../api/types";

export interface NextStep {
  key: string;
  values?: Record<string, string>;
  to: string;
}

/** What the person should do next in a box, as an i18n key of `boxes:next.*` and a link. */
export function nextStep(box: Box, formatDate: (value: string) => string): NextStep {
  const page = `/boxes/${box.id}`;
  const organizer = box.can_manage;
  const takesPart = box.my_role !== null && box.my_role !== undefined && (box.my_role !== "organizer" || box.organizer_participates);
  switch (box.status) {
    case "draft":
      if (organizer && box.participant_count < 3) return { key: "invite_people", to: page };
      if (box.signup_deadline && takesPart) return { key: "fill_card_until", values: { date: formatDate(box.signup_deadline) }, to: `${page}/card` };
      if (organizer) return { key: "close_signup", to: page };
      return { key: "fill_card", to: `${page}/card` };
    case "ready":
    case "drawing":
      if (organizer) return { key: "run_draw", to: page };
      if (box.signup_deadline) return { key: "draw_on", values: { date: formatDate(box.signup_deadline) }, to: page };
      return { key: "draw_soon", to: page };
    case "matched":
      if (takesPart) return { key: "giftee_ready", to: `${page}/assignment` };
      return { key: "draw_done", to: page };
    default:
      return { key: "archived", to: page };
  }
}

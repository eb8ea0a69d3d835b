import { describe, expect, it } from "vitest";

import i18n, { ensureLanguage } from "../../i18n";
import type { components } from "../../api/schema.gen";
import { isEditable } from "./Thread";

type Message = components["schemas"]["Message"];

const base: Message = {
  id: "00000000-0000-0000-0000-000000000001",
  pair_id: "p1",
  author: "me",
  author_label: "Me",
  body: "hi",
  created_at: "2026-12-01T10:00:00Z",
  deleted: false,
  editable_until: "2026-12-01T10:15:00Z",
  edited_at: null,
  read: true,
};

describe("messages", () => {
  it("lets me edit only my own live message inside the window", () => {
    const now = Date.parse("2026-12-01T10:05:00Z");
    expect(isEditable(base, now)).toBe(true);
    expect(isEditable(base, Date.parse("2026-12-01T10:20:00Z"))).toBe(false);
    expect(isEditable({ ...base, author: "santa" }, now)).toBe(false);
    expect(isEditable({ ...base, deleted: true }, now)).toBe(false);
    expect(isEditable({ ...base, editable_until: null }, now)).toBe(false);
  });

  it("counts unread messages with Russian plurals", async () => {
    await ensureLanguage("ru");
    await i18n.changeLanguage("ru");
    const t = i18n.getFixedT("ru", "exchange");
    expect(t("unread", { count: 1 })).toBe("1 непрочитанное сообщение");
    expect(t("unread", { count: 3 })).toBe("3 непрочитанных сообщения");
    expect(t("unread", { count: 5 })).toBe("5 непрочитанных сообщений");
    expect(t("unread", { count: 21 })).toBe("21 непрочитанное сообщение");
    await i18n.changeLanguage("en");
    expect(i18n.getFixedT("en", "exchange")("unread", { count: 2 })).toBe("2 unread messages");
  });
});

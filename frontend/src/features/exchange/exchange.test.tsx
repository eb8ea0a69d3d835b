import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Linkified } from "./AnnouncementsPanel";
import { liveUrl } from "./useLiveEvents";

describe("announcements", () => {
  it("shows links as links and nothing else as markup", () => {
    render(<Linkified text={"Party at https://example.com/party <b>on Friday</b>"} />);
    const link = screen.getByRole("link");
    expect(link.getAttribute("href")).toBe("https://example.com/party");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(screen.queryByText("on Friday")).toBeNull();
  });
});

describe("live events", () => {
  it("connects to the same origin over ws or wss", () => {
    expect(liveUrl("b1", { protocol: "https:", host: "santa.example" } as Location)).toBe("wss://santa.example/api/v1/ws?box_id=b1");
    expect(liveUrl("b1", { protocol: "http:", host: "127.0.0.1:8000" } as Location)).toBe("ws://127.0.0.1:8000/api/v1/ws?box_id=b1");
  });
});

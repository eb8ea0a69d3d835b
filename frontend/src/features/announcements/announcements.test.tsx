import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Linkified } from "./AnnouncementsPanel";

describe("announcements", () => {
  it("shows links as links and nothing else as markup", () => {
    render(<Linkified text={"Party at https://example.com/party <b>on Friday</b>"} />);
    const link = screen.getByRole("link");
    expect(link.getAttribute("href")).toBe("https://example.com/party");
    expect(link.getAttribute("rel")).toContain("noopener");
    expect(screen.queryByText("on Friday")).toBeNull();
  });
});

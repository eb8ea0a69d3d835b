import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { renderPage } from "../../test/render";
import { InvitePanel } from "./InvitePanel";

describe("InvitePanel", () => {
  it("lists the bad lines with their numbers before anything is sent, keeping the text", async () => {
    await renderPage(<InvitePanel boxId="00000000-0000-0000-0000-000000000001" open />);
    const box = screen.getByLabelText("Email addresses");
    await userEvent.type(box, "ann@example.org{enter}oops{enter}ann@example.org");
    await userEvent.click(screen.getByRole("button", { name: "Send invitations" }));
    const alert = await screen.findByTestId("bad-lines");
    expect(alert).toHaveTextContent("2 lines need fixing; nothing was sent");
    expect(alert).toHaveTextContent("Line 2: “oops” has no valid email address.");
    expect(alert).toHaveTextContent("Line 3: “ann@example.org” repeats an address above.");
    expect(box).toHaveValue("ann@example.org\noops\nann@example.org");
  });
});

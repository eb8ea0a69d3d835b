import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { renderPage } from "../../test/render";
import { CreateBoxWizard, toBoxCreate } from "./CreateBoxWizard";

describe("CreateBoxWizard", () => {
  it("asks for a name before the next step, and checks the budget order", async () => {
    await renderPage(<CreateBoxWizard />);
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("Give the box a name.")).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Box name/), "Family 2026");
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { name: "Budget" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Budget from"), "50");
    await userEvent.type(screen.getByLabelText("Budget up to"), "20");
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByLabelText("Budget up to")).toHaveAccessibleDescription("The upper budget must not be below the lower one.");
  });

  it("sends deadlines as instants of the user's time zone", () => {
    const body = toBoxCreate(
      {
        name: " Office ",
        description: "",
        currency: "RUB",
        min_budget: "",
        max_budget: "1500",
        event_date: "2026-12-25",
        signup_deadline: "2026-12-12T18:00",
        shipping_deadline: "",
        is_private_names: true,
        organizer_participates: true,
        auto_draw: false,
        rules: "",
      },
      "Europe/Moscow",
    );
    expect(body).toMatchObject({ name: "Office", min_budget: null, max_budget: "1500", event_date: "2026-12-25", signup_deadline: "2026-12-12T15:00:00.000Z", shipping_deadline: null });
  });
});

import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { renderPage } from "../../test/render";
import { SignInForm } from "./SignInForm";

describe("SignInForm", () => {
  it("keeps what was typed when the request fails, and says why", async () => {
    await renderPage(<SignInForm next="/dashboard" />);
    await userEvent.type(screen.getByLabelText("Email"), "ann@example.org");
    await userEvent.type(screen.getByLabelText("Password"), "secret-password");
    await userEvent.click(screen.getByRole("button", { name: "Sign in" }));
    // Nothing listens on jsdom's origin: the real client reports a network error.
    expect(await screen.findByRole("alert")).toHaveTextContent("Santa cannot be reached");
    expect(screen.getByLabelText("Email")).toHaveValue("ann@example.org");
    expect(screen.getByLabelText("Password")).toHaveValue("secret-password");
  });
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { ThemeSwitch } from "../components/ThemeSwitch";
import { renderPage } from "../test/render";
import { Sync } from "./Sync";

describe("theme", () => {
  it("follows the manual switch with the dark class on <html>", async () => {
    await renderPage(
      <>
        <Sync />
        <ThemeSwitch />
      </>,
    );
    await userEvent.selectOptions(screen.getByLabelText("Theme"), "dark");
    await waitFor(() => expect(document.documentElement).toHaveClass("dark"));
    await userEvent.selectOptions(screen.getByLabelText("Theme"), "light");
    await waitFor(() => expect(document.documentElement).not.toHaveClass("dark"));
  });
});

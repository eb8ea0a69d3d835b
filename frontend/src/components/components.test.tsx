import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { ApiProblem } from "../api/problem";
import { renderPage } from "../test/render";
import { LanguageSwitch } from "./LanguageSwitch";
import { ProblemAlert } from "./ProblemAlert";
import { WishList } from "./WishList";

describe("WishList", () => {
  it("shows item links as links, and unsafe links as plain text", async () => {
    await renderPage(
      <WishList
        wishes="Something warm"
        items={[
          { title: "Scarf", note: "blue", url: "https://shop.example/scarf" },
          { title: "Trick", note: "", url: "javascript:alert(1)" },
        ]}
      />,
    );
    expect(screen.getByRole("link", { name: "Scarf" })).toHaveAttribute("href", "https://shop.example/scarf");
    expect(screen.getByRole("link", { name: "Scarf" })).toHaveAttribute("rel", expect.stringContaining("noopener"));
    expect(screen.queryByRole("link", { name: "Trick" })).toBeNull();
    expect(screen.getByText("Trick")).toBeInTheDocument();
  });
});

describe("ProblemAlert", () => {
  it("shows the server's translated detail, and a network failure in the current language", async () => {
    await renderPage(<ProblemAlert error={new ApiProblem({ status: 409, code: "invite_exists", detail: "Уже приглашён." })} />, { language: "ru" });
    expect(screen.getByRole("alert")).toHaveTextContent("Уже приглашён.");
    expect(screen.getByRole("alert")).toHaveAttribute("data-problem-code", "invite_exists");
  });

  it("maps field errors by field name", () => {
    const problem = new ApiProblem({ status: 422, code: "validation_error", errors: [{ loc: ["body", "email"], code: "x", message: "Bad address" }] });
    expect(problem.fieldErrors()).toEqual({ email: "Bad address" });
  });
});

describe("LanguageSwitch", () => {
  it("switches the UI to Russian and sets <html lang>", async () => {
    await renderPage(<LanguageSwitch />);
    await userEvent.selectOptions(screen.getByLabelText("Language"), "ru");
    await waitFor(() => expect(document.documentElement.lang).toBe("ru"));
    expect(screen.getByLabelText("Язык")).toHaveValue("ru");
  });
});

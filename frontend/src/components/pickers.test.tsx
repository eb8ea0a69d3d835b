import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { renderPage } from "../test/render";
import { ComboboxField, type ComboboxOption } from "./ComboboxField";
import { Deferred } from "./Deferred";

const PEOPLE: ComboboxOption[] = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, label: `Person ${i}`, hint: `person${i}@example.com` }));

function Picker({ options = PEOPLE, onPick = () => {} }: { options?: ComboboxOption[]; onPick?: (id: string) => void }) {
  const [value, setValue] = useState("");
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <ComboboxField
        label="Santa"
        options={options}
        value={value}
        onChange={(id) => {
          setValue(id);
          onPick(id);
        }}
      />
      <output data-testid="value">{value}</output>
    </form>
  );
}

describe("ComboboxField", () => {
  it("builds no options until opened, then only the first matches", async () => {
    await renderPage(<Picker />);
    const box = screen.getByRole("combobox", { name: "Santa" });
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    await userEvent.click(box);
    expect(box).toHaveAttribute("aria-expanded", "true");
    expect(screen.getAllByRole("option")).toHaveLength(50);
    expect(screen.getByText("Showing 50 of 300: type a name to narrow the list.")).toBeInTheDocument();
  });

  it("is used by keyboard alone: type to filter, arrows to move, Enter to choose, Escape to close", async () => {
    const onPick = vi.fn();
    await renderPage(<Picker onPick={onPick} />);
    const box = screen.getByRole("combobox", { name: "Santa" });
    await userEvent.tab();
    expect(box).toHaveFocus();
    await userEvent.keyboard("Person 42");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Person 42 · person42@example.com"]);
    expect(screen.getByText("1 match.")).toBeInTheDocument();
    await userEvent.keyboard("{Backspace}{Backspace}2");
    // "Person 2" matches Person 2, 20–29, 200–299
    expect(screen.getByText("Showing 50 of 111: type a name to narrow the list.")).toBeInTheDocument();
    await userEvent.keyboard("{ArrowDown}");
    const active = box.getAttribute("aria-activedescendant");
    expect(active && document.getElementById(active)).toHaveTextContent("Person 20");
    expect(document.getElementById(active!)).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{Enter}");
    expect(onPick).toHaveBeenLastCalledWith("p20");
    expect(box).toHaveValue("Person 20");
    expect(box).toHaveAttribute("aria-expanded", "false");
    await userEvent.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-expanded", "true");
    await userEvent.keyboard("{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("Person 20");
  });

  it("chooses with a tap, forgets the choice when the text changes, and takes a name typed in full", async () => {
    await renderPage(<Picker />);
    const box = screen.getByRole("combobox", { name: "Santa" });
    await userEvent.click(box);
    await userEvent.click(screen.getByRole("option", { name: "Person 3 · person3@example.com" }));
    expect(screen.getByTestId("value")).toHaveTextContent("p3");
    await userEvent.type(box, "x");
    expect(screen.getByTestId("value")).toBeEmptyDOMElement();
    expect(screen.getByText("No one matches.")).toBeInTheDocument();
    await userEvent.clear(box);
    await userEvent.type(box, "person 7");
    await userEvent.tab();
    expect(screen.getByTestId("value")).toHaveTextContent("p7");
    expect(box).toHaveValue("Person 7");
  });
});

describe("Deferred", () => {
  afterEach(() => vi.unstubAllGlobals());

  function stubObserver() {
    const seen: { callback: IntersectionObserverCallback; target?: Element }[] = [];
    class Observer {
      entry: (typeof seen)[number];
      constructor(callback: IntersectionObserverCallback) {
        this.entry = { callback };
        seen.push(this.entry);
      }
      observe(target: Element) {
        this.entry.target = target;
      }
      disconnect() {}
    }
    vi.stubGlobal("IntersectionObserver", Observer);
    return () =>
      act(() => {
        for (const { callback, target } of seen) {
          if (target) callback([{ isIntersecting: true, target } as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
        }
      });
  }

  it("shows a placeholder with the heading until scrolled near", async () => {
    const scrollNear = stubObserver();
    await renderPage(
      <Deferred title="Rules">
        <p>The rules editor</p>
      </Deferred>,
    );
    expect(screen.getByRole("heading", { name: "Rules" })).toBeInTheDocument();
    expect(screen.queryByText("The rules editor")).toBeNull();
    await scrollNear();
    expect(await screen.findByText("The rules editor")).toBeInTheDocument();
  });

  it("waits while the page above loads", async () => {
    const scrollNear = stubObserver();
    const { rerender } = await renderPage(
      <Deferred title="Rules" waiting>
        <p>The rules editor</p>
      </Deferred>,
    );
    await scrollNear();
    expect(screen.queryByText("The rules editor")).toBeNull();
    rerender(
      <Deferred title="Rules">
        <p>The rules editor</p>
      </Deferred>,
    );
    await scrollNear();
    expect(await screen.findByText("The rules editor")).toBeInTheDocument();
  });

  it("is shown by keyboard: the button in the placeholder, then the focus is on the first control", async () => {
    stubObserver();
    await renderPage(
      <Deferred title="Rules">
        <button type="button">Add household</button>
      </Deferred>,
    );
    await userEvent.tab();
    const show = screen.getByRole("button", { name: "Show “Rules”" });
    expect(show).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByRole("button", { name: "Add household" })).toHaveFocus();
  });

  it("renders at once where the browser cannot tell what is in view", async () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    await renderPage(
      <Deferred title="Rules">
        <p>The rules editor</p>
      </Deferred>,
    );
    expect(screen.getByText("The rules editor")).toBeInTheDocument();
  });
});

import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

export interface ComboboxOption {
  id: string;
  label: string;
  /** Told apart from a namesake by this (a nickname, an email). */
  hint?: string | null;
}

/** Options listed at once; the rest are found by typing. */
const LISTED = 50;

/**
 * Pick one of many (a person among hundreds): a text box that filters a list (the ARIA
 * combobox pattern). The list is built only while it is open, and with the first matches
 * only, so a page with several pickers over a big box stays light.
 */
export function ComboboxField({
  label,
  options,
  value,
  onChange,
  placeholder,
  error,
  className,
}: {
  label: string;
  options: ComboboxOption[];
  /** The chosen option's id, or "" for none. */
  value: string;
  onChange: (id: string) => void;
  placeholder?: string;
  error?: string | null;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const noteId = `${id}-note`;
  const chosen = options.find((o) => o.id === value);
  /** What is typed while searching; null shows the chosen option's name. */
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    if (!open) return [];
    const q = (query ?? "").trim().toLowerCase();
    return q ? options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLowerCase().includes(q)) : options;
  }, [open, options, query]);
  const listed = matches.slice(0, LISTED);
  const activeId = open && listed[active] ? `${id}-opt-${active}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: "nearest" });
  }, [activeId]);

  function show(at = 0) {
    setOpen(true);
    setActive(at);
  }
  function close() {
    setOpen(false);
    setQuery(null);
  }
  function choose(option: ComboboxOption) {
    onChange(option.id);
    close();
  }
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        show(Math.max(0, options.findIndex((o) => o.id === value)));
        return;
      }
      if (!listed.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + listed.length) % listed.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault(); // choosing is not submitting the form
      const option = listed[active];
      if (option) choose(option);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  }
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          type="text"
          role="combobox"
          className="input"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[open ? noteId : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          placeholder={placeholder}
          value={query ?? chosen?.label ?? ""}
          onChange={(e) => {
            setQuery(e.target.value);
            show();
            if (value) onChange(""); // the text no longer names the chosen person
          }}
          onClick={() => (open ? close() : show(Math.max(0, options.findIndex((o) => o.id === value))))}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // A name typed out in full counts as choosing that person.
            const typed = (query ?? "").trim().toLowerCase();
            const exact = typed ? options.filter((o) => o.label.toLowerCase() === typed) : [];
            if (exact.length === 1 && exact[0]) onChange(exact[0].id);
            close();
          }}
        />
        {open ? (
          <div className="absolute inset-x-0 top-full z-20 mt-1 rounded-lg border border-stone-300 bg-white shadow-lg dark:border-night-3 dark:bg-night-2">
            <ul id={listId} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto py-1">
              {listed.map((o, i) => (
                <li
                  key={o.id}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`cursor-pointer px-3 py-2 ${i === active ? "bg-berry-100 text-berry-800 dark:bg-night-3 dark:text-berry-300" : ""} ${o.id === value ? "font-semibold" : ""}`}
                  // Keep the focus in the text box: a tap on an option is not a blur.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(o)}
                >
                  {o.label}
                  {o.hint ? (
                    <>
                      {" · "}
                      <span className="muted text-sm">{o.hint}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            <p id={noteId} className="muted border-t border-stone-200 px-3 py-2 text-sm dark:border-night-3" aria-live="polite">
              {!matches.length
                ? t("picker.no_match")
                : matches.length > listed.length
                  ? t("picker.showing", { shown: listed.length, total: matches.length })
                  : t("picker.count", { count: matches.length })}
            </p>
          </div>
        ) : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

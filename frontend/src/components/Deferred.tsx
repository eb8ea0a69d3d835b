import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A part far down a big page (the rules editor under 300 members), built when it comes within a
 * screen of the viewport rather than with the page: its requests, its DOM and its layout are not
 * paid for by a visit that never scrolls there. Until then a placeholder of the same kind holds its
 * place, with its heading (found by heading navigation) and a button that shows it at once (shown to
 * keyboard users when focused); when it appears with the focus in the placeholder, the focus moves
 * to its first control.
 */
export function Deferred({
  title,
  lines = 4,
  waiting = false,
  children,
}: {
  title: string;
  lines?: number;
  /** The page above is still loading (and short): wait, or everything looks near. */
  waiting?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(() => typeof IntersectionObserver === "undefined");
  const focusInside = useRef(false);

  useEffect(() => {
    const el = box.current;
    if (shown || waiting || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        if (el.contains(document.activeElement)) focusInside.current = true;
        startTransition(() => setShown(true));
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, waiting]);

  useLayoutEffect(() => {
    if (!shown || !focusInside.current) return;
    focusInside.current = false;
    box.current?.querySelector<HTMLElement>(TABBABLE)?.focus();
  }, [shown]);

  return (
    <div ref={box}>
      {shown ? (
        children
      ) : (
        <section className="card space-y-4" aria-labelledby={headingId} onFocus={() => (focusInside.current = true)}>
          <h2 id={headingId} className="h2">
            {title}
          </h2>
          {/* Still, unlike a loading skeleton: nothing is on its way until it is scrolled near. */}
          <div aria-hidden="true" className="space-y-3">
            {Array.from({ length: lines }, (_, i) => (
              <div key={i} className="h-5 rounded bg-stone-200 dark:bg-night-3" style={{ width: `${90 - i * 12}%` }} />
            ))}
          </div>
          <button
            type="button"
            className="btn-secondary sr-only focus:not-sr-only"
            onClick={() => {
              focusInside.current = true;
              setShown(true);
            }}
          >
            {t("show_section", { name: title })}
          </button>
        </section>
      )}
    </div>
  );
}

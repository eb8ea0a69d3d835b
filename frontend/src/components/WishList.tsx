import { useTranslation } from "react-i18next";

import type { WishItem } from "../api/types";

/** Only web links become links (never `javascript:` and friends). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function WishList({ wishes, items }: { wishes?: string | null; items?: WishItem[] | null }) {
  const { t } = useTranslation("card");
  if (!wishes && !items?.length) return <p className="muted">{t("no_wishes")}</p>;
  return (
    <div className="space-y-3">
      {wishes ? <p className="whitespace-pre-line">{wishes}</p> : null}
      {items?.length ? (
        <ul className="list-disc space-y-1 pl-5" aria-label={t("wish_items")}>
          {items.map((item, i) => {
            const href = safeHref(item.url);
            return (
              <li key={i}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="btn-link">
                    {item.title}
                  </a>
                ) : (
                  <span className="font-medium">{item.title}</span>
                )}
                {item.note ? <span className="muted"> — {item.note}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

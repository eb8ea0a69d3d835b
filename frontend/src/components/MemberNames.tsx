import { useTranslation } from "react-i18next";

import { useParticipants } from "../hooks/useBox";
import { Skeleton } from "./Skeleton";

/** Who is in the box, as members may see them (nicknames in boxes with private names). */
export function MemberNames({ boxId }: { boxId: string }) {
  const { t } = useTranslation("box");
  const people = useParticipants(boxId);
  return (
    <section aria-labelledby="who" className="card">
      <h2 id="who" className="h2">
        {t("who_is_in")}
      </h2>
      {people.isPending ? (
        <Skeleton lines={2} />
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("who_is_in")}>
          {(people.data ?? [])
            .filter((p) => p.status !== "invited")
            .map((p) => (
              <li key={p.id} className="badge bg-stone-100 px-3 py-1 text-sm text-stone-800 dark:bg-night-3 dark:text-stone-100">
                {p.display_name}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}

import type { ReactNode } from "react";

import { Icon, type IconName } from "./Icon";

export function EmptyState({ title, children, icon = "gift" }: { title: ReactNode; children?: ReactNode; icon?: IconName }) {
  return (
    <div className="rounded-(--radius-card) border border-dashed border-stone-300 p-6 text-center dark:border-night-3">
      <Icon name={icon} className="mx-auto size-8 text-berry-600 dark:text-berry-300" />
      <p className="mt-2 font-semibold">{title}</p>
      {children ? <div className="muted mt-1 text-sm">{children}</div> : null}
    </div>
  );
}

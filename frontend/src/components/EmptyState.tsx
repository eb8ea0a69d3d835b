import type { ReactNode } from "react";

export function EmptyState({ title, children, icon = "🎁" }: { title: ReactNode; children?: ReactNode; icon?: string }) {
  return (
    <div className="rounded-(--radius-card) border border-dashed border-stone-300 p-6 text-center dark:border-night-3">
      <div aria-hidden="true" className="text-3xl">
        {icon}
      </div>
      <p className="mt-2 font-semibold">{title}</p>
      {children ? <div className="muted mt-1 text-sm">{children}</div> : null}
    </div>
  );
}

import { useEffect, type ReactNode } from "react";

/** The page's h1, also the document title ("… · Santa"). */
export function PageTitle({ children, title, sub }: { children: ReactNode; title: string; sub?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Santa`;
  }, [title]);
  return (
    <div className="mb-6">
      <h1 className="h1">{children}</h1>
      {sub ? <p className="muted mt-1">{sub}</p> : null}
    </div>
  );
}

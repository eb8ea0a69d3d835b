import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";

import { PageSkeleton } from "../components/Skeleton";
import { useMe } from "../hooks/useMe";

/** Signed-in pages: anyone else goes to sign-in and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

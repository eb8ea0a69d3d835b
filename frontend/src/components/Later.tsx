import { startTransition, useEffect, useState, type ReactNode } from "react";

import { Skeleton } from "./Skeleton";

/**
 * Below-the-fold parts of a big page: rendered just after the part above them, one after the
 * other (`order`), each in a transition of its own, so no single task blocks the main thread
 * for long. A placeholder of the same kind holds the place meanwhile.
 */
export function Later({ order = 1, lines = 4, children }: { order?: number; lines?: number; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShown(true)), order * 20);
    return () => clearTimeout(timer);
  }, [order]);
  return shown ? <>{children}</> : <Skeleton lines={lines} className="card" />;
}

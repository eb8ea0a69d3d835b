/**
 * Answers that start-up asked for before the app's code had loaded (`public/theme-init.js`
 * starts a signed-in visit's first GETs: the account, and the box page's or dashboard's data),
 * keyed by path and query. Each is taken once; one that failed or is not a 2xx is not used (the
 * request is made again the normal way, refresh of an expired session included).
 */
declare global {
  interface Window {
    __santaEarly?: Record<string, Promise<Response | null> | undefined>;
  }
}

export async function takeEarly(request: Request): Promise<Response | null> {
  const early = typeof window === "undefined" ? undefined : window.__santaEarly;
  if (!early || request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== window.location.origin) return null;
  const key = url.pathname + url.search;
  const pending = early[key];
  if (!pending) return null;
  delete early[key];
  const response = await pending;
  return response?.ok ? response : null;
}

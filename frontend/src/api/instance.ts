import { makeClient } from "./client";

/** Fired when the session ended for good (the refresh failed); the app drops cached user data. */
export const SIGNED_OUT_EVENT = "santa:signed-out";

export const api = makeClient({
  baseUrl: typeof window === "undefined" ? "" : window.location.origin,
  language: () => document.documentElement.lang || "en",
  onSignedOut: () => window.dispatchEvent(new Event(SIGNED_OUT_EVENT)),
});

import "./styles/index.css";
import "./i18n";

import { startTransition, StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, makeQueryClient } from "./app/App";
import { warmUp } from "./app/warmUp";

const client = makeQueryClient();
warmUp(client, window.location.pathname);

// A transition: React renders the first page in small slices, so the main thread never
// blocks for long (taps and scrolls are answered while it renders).
startTransition(() => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
});

import "./styles/index.css";

import { startTransition, StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, makeQueryClient } from "./app/App";
import { warmUp } from "./app/warmUp";
import { i18nReady } from "./i18n";

const client = makeQueryClient();
warmUp(client, window.location.pathname);

// A transition: React renders the first page in small slices, so the main thread never
// blocks for long (taps and scrolls are answered while it renders).
void i18nReady.finally(() =>
  startTransition(() => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  }),
);

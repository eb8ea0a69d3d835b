import "./styles/index.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, makeQueryClient } from "./app/App";
import { warmUp } from "./app/warmUp";
import { i18nReady } from "./i18n";

const client = makeQueryClient();
warmUp(client, window.location.pathname);

// Not in a transition: the shell (header, placeholders) is painted in the task that renders it,
// not after slices interleaved with the responses arriving (there is nothing to tap before it).
void i18nReady.finally(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  ),
);

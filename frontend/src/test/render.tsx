import "../i18n";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router-dom";

import i18n, { ensureLanguage } from "../i18n";
import type { Language } from "../stores/ui";

/** Render with the app's providers; the API is the real client (nothing answers in jsdom). */
export async function renderPage(ui: ReactElement, { route = "/", language = "en" as Language } = {}) {
  await ensureLanguage(language);
  await i18n.changeLanguage(language);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(["me"], null);
  client.setQueryData(["auth-providers"], { oauth: [], telegram_bot_username: null });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        {ui}
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

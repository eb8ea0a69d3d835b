import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import type { components } from "../../api/schema.gen";
import { ProblemAlert } from "../../components/ProblemAlert";
import { ME_KEY } from "../../hooks/useMe";

type TelegramData = components["schemas"]["TelegramLoginData"];
declare global {
  interface Window {
    onSantaTelegramAuth?: (data: TelegramData) => void;
  }
}

/** Loads Telegram's login widget on demand (it comes from telegram.org) and signs in with its payload. */
export function TelegramButton({ bot, next, link = false }: { bot: string; next: string; link?: boolean }) {
  const { t } = useTranslation("auth");
  const holder = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();

  function show() {
    setShown(true);
    window.onSantaTelegramAuth = async (data) => {
      try {
        if (link) {
          await unwrap(api.POST("/api/v1/auth/telegram/link", { body: data }));
          await client.invalidateQueries({ queryKey: ["social-accounts"] });
        } else {
          const result = await unwrap(api.POST("/api/v1/auth/telegram", { body: { data, transport: "cookie" } }));
          client.setQueryData(ME_KEY, result.user);
          navigate(next);
        }
      } catch (e) {
        setError(e);
      }
    };
    const script = document.createElement("script");
    script.src = "https://telegram.org/js/telegram-widget.js?22";
    script.async = true;
    script.dataset.telegramLogin = bot;
    script.dataset.size = "large";
    script.dataset.onauth = "onSantaTelegramAuth(user)";
    script.dataset.requestAccess = "write";
    holder.current?.appendChild(script);
  }

  return (
    <div>
      {!shown ? (
        <button type="button" className="btn-secondary w-full" onClick={show}>
          {link ? t("link_provider", { provider: "Telegram" }) : t("continue_with", { provider: "Telegram" })}
        </button>
      ) : null}
      <div ref={holder} />
      <ProblemAlert error={error} className="mt-2" />
    </div>
  );
}

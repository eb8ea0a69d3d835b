import { useTranslation } from "react-i18next";

import { useProviders } from "../../hooks/useProviders";
import { TelegramButton } from "./TelegramButton";

const LABEL: Record<string, string> = { google: "Google", vk: "VK" };

/** Outside sign-in, shown exactly for the providers the server lists. */
export function ProviderButtons({ next }: { next: string }) {
  const { t } = useTranslation("auth");
  const providers = useProviders().data;
  if (!providers) return null;
  const oauth = providers.oauth;
  const telegram = providers.telegram_bot_username;
  if (!oauth.length && !telegram) return null;
  return (
    <div className="mt-6">
      <p className="muted mb-2 text-center text-sm">{t("or_continue_with")}</p>
      <div className="grid gap-2">
        {oauth.map((provider) => (
          <a
            key={provider}
            className="btn-secondary w-full"
            href={`/api/v1/auth/oauth/${provider}/authorize?return_to=${encodeURIComponent(next)}`}
          >
            {t("continue_with", { provider: LABEL[provider] ?? provider })}
          </a>
        ))}
        {telegram ? <TelegramButton bot={telegram} next={next} /> : null}
      </div>
    </div>
  );
}

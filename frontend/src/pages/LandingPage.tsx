import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

import { Icon } from "../components/Icon";
import { PageTitle } from "../components/PageTitle";
import { useMe } from "../hooks/useMe";

const STEPS = ["create", "invite", "draw"] as const;

export default function LandingPage() {
  const { t } = useTranslation("landing");
  const me = useMe().data;
  return (
    <div>
      <section className="py-6 text-center sm:py-12">
        <Icon name="tree" className="mx-auto mb-2 size-14 text-pine-600 dark:text-pine-300" />
        <PageTitle title={t("title")}>{t("headline")}</PageTitle>
        <p className="muted mx-auto max-w-2xl text-lg">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          {me ? (
            <Link className="btn-primary" to="/dashboard">
              {t("open_dashboard")}
            </Link>
          ) : (
            <>
              <Link className="btn-primary" to="/signup">
                {t("start")}
              </Link>
              <Link className="btn-secondary" to="/signin">
                {t("sign_in")}
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="how" className="mt-6">
        <h2 id="how" className="h2 mb-4 text-center">
          {t("how_title")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step} className="card">
              <p className="text-sm font-bold text-berry-700 dark:text-berry-300">{t("step", { n: i + 1 })}</p>
              <h3 className="mt-1 font-semibold">{t(`steps.${step}.title`)}</h3>
              <p className="muted mt-1 text-sm">{t(`steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

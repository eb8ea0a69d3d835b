import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";

import { api } from "../api/instance";
import { Icon } from "../components/Icon";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { PageSkeleton } from "../components/Skeleton";
import { ThemeSwitch } from "../components/ThemeSwitch";
import { ME_KEY, useMe } from "../hooks/useMe";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-lg px-3 py-2 text-sm font-semibold ${isActive ? "bg-berry-100 text-berry-700 dark:bg-night-3 dark:text-berry-300" : "hover:bg-stone-100 dark:hover:bg-night-3"}`;

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api.POST("/api/v1/auth/logout", { body: {} }),
    onSettled: () => {
      client.setQueryData(ME_KEY, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "auth-providers" });
      navigate("/");
    },
  });
  const user = me.data;
  // After a client-side navigation, move focus to the new page like a full page load would
  // (screen readers announce it; keyboard users start at the content, not at the old button).
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [location.pathname]);
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-berry-600 px-4 py-2 font-semibold text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        {t("skip_to_content")}
      </a>
      <header className="border-b border-stone-200 bg-white/80 dark:border-night-3 dark:bg-night-2/80">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-2 px-4 py-2">
          <Link to={user ? "/dashboard" : "/"} className="mr-auto flex items-center gap-2 text-lg font-bold">
            <Icon name="gift" className="size-6 text-berry-600 dark:text-berry-300" />
            <span>{t("app_name")}</span>
          </Link>
          {/* Its own row on phones, as tall before the account is known as after: nothing below jumps. */}
          <nav aria-label={t("nav.main")} className="flex min-h-9 w-full flex-wrap items-center gap-1 sm:w-auto">
            {user ? (
              <>
                <NavLink to="/dashboard" className={navClass}>
                  {t("nav.dashboard")}
                </NavLink>
                <NavLink to="/settings" className={navClass}>
                  {t("nav.settings")}
                </NavLink>
                <button type="button" className={navClass({ isActive: false })} onClick={() => signOut.mutate()}>
                  {t("nav.sign_out")}
                </button>
              </>
            ) : me.isPending ? null : (
              <>
                <NavLink to="/signin" className={navClass}>
                  {t("nav.sign_in")}
                </NavLink>
                <NavLink to="/signup" className={navClass}>
                  {t("nav.sign_up")}
                </NavLink>
              </>
            )}
          </nav>
        </div>
      </header>
      {/* At least a screen tall: the footer starts below the fold, so content arriving does not push it around. */}
      <main id="main" tabIndex={-1} className="mx-auto min-h-dvh w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none sm:py-10">
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-stone-200 dark:border-night-3">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-3 text-sm">
          <p className="muted mr-auto">{t("footer")}</p>
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </footer>
    </div>
  );
}

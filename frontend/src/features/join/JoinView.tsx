import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ApiProblem } from "../../api/problem";
import type { Invitation } from "../../api/types";
import { TextField } from "../../components/Field";
import { fieldErrors, ProblemAlert } from "../../components/ProblemAlert";
import { Skeleton } from "../../components/Skeleton";
import { ME_KEY, useMe } from "../../hooks/useMe";
import { browserTimeZone, formatBudget, formatDate } from "../../lib/format";
import { useUiStore } from "../../stores/ui";

function InvitationFacts({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation("join");
  const budget = formatBudget(invitation.min_budget, invitation.max_budget, invitation.currency, i18n.language);
  return (
    <div className="space-y-3">
      <p className="text-lg">{t("invited_by", { name: invitation.inviter_name })}</p>
      <h2 className="h1" data-testid="invitation-box-name">
        {invitation.box_name}
      </h2>
      {invitation.description ? <p className="whitespace-pre-line">{invitation.description}</p> : null}
      <dl className="grid gap-2 sm:grid-cols-2">
        {budget ? (
          <div>
            <dt className="muted text-sm">{t("box:budget")}</dt>
            <dd className="font-medium">{budget}</dd>
          </div>
        ) : null}
        {invitation.signup_deadline ? (
          <div>
            <dt className="muted text-sm">{t("box:signup_deadline")}</dt>
            <dd className="font-medium">{formatDate(invitation.signup_deadline, i18n.language)}</dd>
          </div>
        ) : null}
        {invitation.event_date ? (
          <div>
            <dt className="muted text-sm">{t("box:event_date")}</dt>
            <dd className="font-medium">{formatDate(invitation.event_date, i18n.language)}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

function SignUpInPlace({ code, onJoined }: { code: string; onJoined: (boxId: string | null, email: string) => void }) {
  const { t } = useTranslation("join");
  const language = useUiStore((s) => s.language);
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const client = useQueryClient();
  const signup = useMutation({
    mutationFn: async () => {
      const accepted = await unwrap(
        api.POST("/api/v1/invitations/{code}/signup", {
          params: { path: { code } },
          body: { full_name: fullName, email, password, language, timezone: browserTimeZone() },
        }),
      );
      // The answer is the same for a new and a taken address. Signing in works for a new
      // account (unless the server wants the address confirmed first) and for the owner of a
      // taken one who typed its password; then opening the invitation again is harmless.
      try {
        const auth = await unwrap(api.POST("/api/v1/auth/login", { body: { email, password, transport: "cookie" } }));
        client.setQueryData(ME_KEY, auth.user);
      } catch (error) {
        if (error instanceof ApiProblem && (error.status === 403 || error.status === 401)) {
          return { boxId: null, email: accepted.email };
        }
        throw error;
      }
      const membership = await unwrap(api.POST("/api/v1/invitations/{code}/accept", { params: { path: { code } } }));
      return { boxId: membership.box_id, email: accepted.email };
    },
    onSuccess: (result) => onJoined(result.boxId, result.email),
  });
  const errors = fieldErrors(signup.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    signup.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t("signup_title")} noValidate>
      <h3 className="h2">{t("signup_title")}</h3>
      <ProblemAlert error={signup.error} />
      <TextField label={t("auth:full_name")} autoComplete="name" required value={fullName} onChange={(e) => setFullName(e.target.value)} error={errors.full_name} />
      <TextField label={t("auth:email")} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <TextField label={t("auth:password")} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} hint={t("auth:password_hint")} />
      <button type="submit" className="btn-primary w-full" disabled={signup.isPending}>
        {t("signup_and_join")}
      </button>
    </form>
  );
}

/** The landing of an invitation or join link: see the box, then join (signing up in place) or decline. */
export function JoinView({ code }: { code: string }) {
  const { t } = useTranslation("join");
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [declined, setDeclined] = useState(false);
  const [checkEmail, setCheckEmail] = useState<string | null>(null);
  const invitation = useQuery({
    queryKey: ["invitation", code],
    queryFn: () => unwrap(api.GET("/api/v1/invitations/{code}", { params: { path: { code } } })),
  });
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/invitations/{code}/accept", { params: { path: { code } } })),
    onSuccess: (membership) => {
      void client.invalidateQueries({ queryKey: ["boxes"] });
      navigate(`/boxes/${membership.box_id}/card`, { state: { joined: true } });
    },
  });
  const decline = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/invitations/{code}/decline", { params: { path: { code } } })),
    onSuccess: () => setDeclined(true),
  });
  if (invitation.isPending || me.isPending) return <Skeleton lines={5} className="card" />;
  if (invitation.isError) return <ProblemAlert error={invitation.error} />;
  const inv = invitation.data;
  const next = `/join/${encodeURIComponent(code)}`;
  if (declined) {
    return (
      <div className="card" role="status">
        <p>{t("declined")}</p>
      </div>
    );
  }
  if (checkEmail) {
    return (
      <div className="card" role="status">
        <h2 className="h2">{t("auth:check_email_title")}</h2>
        <p className="mt-2">{t("joined_check_email", { email: checkEmail })}</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <section className="card" aria-label={t("invitation")}>
        <InvitationFacts invitation={inv} />
        {!inv.open ? (
          <p role="alert" className="mt-4 font-medium text-berry-700 dark:text-berry-300">
            {t(`closed_${inv.status}`, { defaultValue: t("closed") })}
          </p>
        ) : null}
      </section>
      {inv.open ? (
        me.data ? (
          <section className="card space-y-3" aria-label={t("answer")}>
            <p>{t("signed_in_as", { name: me.data.full_name || me.data.email })}</p>
            <ProblemAlert error={accept.error || decline.error} />
            <div className="flex flex-wrap gap-2">
              <button type="button" className="btn-primary" onClick={() => accept.mutate()} disabled={accept.isPending}>
                {t("accept")}
              </button>
              {inv.kind === "email" ? (
                <button type="button" className="btn-secondary" onClick={() => decline.mutate()} disabled={decline.isPending}>
                  {t("decline")}
                </button>
              ) : null}
            </div>
          </section>
        ) : (
          <section className="card space-y-4">
            <SignUpInPlace
              code={code}
              onJoined={(boxId, email) => {
                if (boxId) {
                  void client.invalidateQueries({ queryKey: ["boxes"] });
                  navigate(`/boxes/${boxId}/card`, { state: { joined: true } });
                } else setCheckEmail(email);
              }}
            />
            <p className="text-sm">
              {t("have_account")}{" "}
              <Link className="btn-link" to={`/signin?next=${encodeURIComponent(next)}`}>
                {t("sign_in_to_join")}
              </Link>
            </p>
          </section>
        )
      ) : null}
    </div>
  );
}

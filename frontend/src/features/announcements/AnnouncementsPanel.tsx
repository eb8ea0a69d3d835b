import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";

import { unwrap } from "../../api/client";
import { api } from "../../api/instance";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatDate } from "../../lib/format";

const URL_RE = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its links made clickable (nothing else is interpreted). */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="btn-link" rel="noopener noreferrer nofollow" target="_blank">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function AnnouncementsPanel({ boxId, canPost }: { boxId: string; canPost: boolean }) {
  const { t, i18n } = useTranslation("exchange");
  const client = useQueryClient();
  const [body, setBody] = useState("");
  const list = useQuery({
    queryKey: ["box", boxId, "announcements"],
    queryFn: () => unwrap(api.GET("/api/v1/boxes/{box_id}/announcements", { params: { path: { box_id: boxId } } })),
  });
  const post = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/boxes/{box_id}/announcements", { params: { path: { box_id: boxId } }, body: { body } })),
    onSuccess: () => {
      setBody("");
      void client.invalidateQueries({ queryKey: ["box", boxId, "announcements"] });
    },
  });
  const items = list.data?.items ?? [];
  if (!canPost && !items.length) return null;
  return (
    <section aria-labelledby="announcements-title" className="card space-y-3">
      <h2 id="announcements-title" className="h2">
        {t("announcements")}
      </h2>
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      <ul className="space-y-2" data-testid="announcements">
        {items.map((a) => (
          <li key={a.id} className="rounded-lg border p-2">
            <span className="muted block text-xs">
              {a.author_name} · {formatDate(a.created_at, i18n.language)}
            </span>
            <p className="whitespace-pre-wrap">
              <Linkified text={a.body} />
            </p>
          </li>
        ))}
      </ul>
      {canPost ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) post.mutate();
          }}
        >
          <label className="block text-sm font-medium" htmlFor="announcement-body">
            {t("new_announcement")}
          </label>
          <textarea id="announcement-body" className="input w-full" rows={3} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
          {post.isError ? <ProblemAlert error={post.error} /> : null}
          <button type="submit" className="btn-primary" disabled={post.isPending || !body.trim()}>
            {t("post")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

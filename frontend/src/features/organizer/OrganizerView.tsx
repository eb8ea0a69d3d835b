import { useDeferredValue } from "react";
import { useTranslation } from "react-i18next";

import type { Box } from "../../api/types";
import { Deferred } from "../../components/Deferred";
import { useParticipants } from "../../hooks/useBox";
import { useMe } from "../../hooks/useMe";
import { browserTimeZone } from "../../lib/format";
import { AuditLog } from "./AuditLog";
import { BoxSettingsForm } from "./BoxSettingsForm";
import { DrawPanel } from "./DrawPanel";
import { InvitePanel } from "./InvitePanel";
import { JoinLinkPanel } from "./JoinLinkPanel";
import { MembersPanel } from "./MembersPanel";
import { RulesPanel } from "./RulesPanel";

/** Everything an organizer runs a box with, in the order of the work. */
export function OrganizerView({ box }: { box: Box }) {
  const { t } = useTranslation("organizer");
  const open = box.status === "draft";
  const timeZone = useMe().data?.timezone || browserTimeZone();
  // The members list sets how far down the rest is (its rows come in a transition: so does this).
  const membersLoading = useDeferredValue(useParticipants(box.id).isPending);
  return (
    <div className="space-y-6">
      <h2 className="sr-only">{t("organizer_tools")}</h2>
      {open ? <JoinLinkPanel boxId={box.id} open={open} /> : null}
      {open ? <InvitePanel boxId={box.id} open={open} /> : null}
      <MembersPanel box={box} />
      {/* Below the members: built when scrolled near (a 300-person box has a long way down). */}
      <Deferred title={t("rules.title")} waiting={membersLoading}>
        <RulesPanel boxId={box.id} editable={box.status === "draft" || box.status === "ready"} />
      </Deferred>
      <Deferred title={t("draw.title")} waiting={membersLoading}>
        <DrawPanel box={box} />
      </Deferred>
      {box.status !== "archived" ? <BoxSettingsForm box={box} timeZone={timeZone} /> : null}
      <AuditLog boxId={box.id} />
    </div>
  );
}

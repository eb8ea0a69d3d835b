import { useTranslation } from "react-i18next";

import type { Box } from "../../api/types";
import { Later } from "../../components/Later";
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
  return (
    <div className="space-y-6">
      <h2 className="sr-only">{t("organizer_tools")}</h2>
      {open ? <JoinLinkPanel boxId={box.id} open={open} /> : null}
      {open ? <InvitePanel boxId={box.id} open={open} /> : null}
      <MembersPanel box={box} />
      <Later order={1}>
        <RulesPanel boxId={box.id} editable={box.status === "draft" || box.status === "ready"} />
      </Later>
      <Later order={2}>
        <DrawPanel box={box} />
      </Later>
      {box.status !== "archived" ? (
        <Later order={3}>
          <BoxSettingsForm box={box} timeZone={timeZone} />
        </Later>
      ) : null}
      <Later order={4}>
        <AuditLog boxId={box.id} />
      </Later>
    </div>
  );
}

/** Parse pasted addresses or a CSV of invitees, keeping line numbers for the bad ones. */

export interface ParsedInvitee {
  line: number;
  email: string;
  display_name: string | null;
}

export interface BadLine {
  line: number;
  text: string;
  reason: "invalid_email" | "duplicate";
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === "," || ch === ";" || ch === "\t") {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * One invitee per line: `email`, `email,name`, `name,email` or `Name <email>`. A first line
 * that names the columns (`email,name`) is a header. Blank lines are skipped.
 */
export function parseInvitees(text: string): { valid: ParsedInvitee[]; bad: BadLine[] } {
  const valid: ParsedInvitee[] = [];
  const bad: BadLine[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    if (index === 0 && /^"?e-?mail"?\s*([,;\t]|$)/i.test(trimmed)) return;
    if (index === 0 && /^"?(name|имя)"?\s*[,;\t]\s*"?(e-?mail|почта)/i.test(trimmed)) return;
    let email = "";
    let name: string | null = null;
    const angle = /^(.*)<([^>]+)>\s*$/.exec(trimmed);
    if (angle) {
      email = (angle[2] ?? "").trim();
      name = (angle[1] ?? "").replace(/^"|"$/g, "").trim() || null;
    } else {
      const cells = splitCsvLine(trimmed).filter((c) => c !== "");
      const at = cells.findIndex((c) => c.includes("@"));
      email = at >= 0 ? (cells[at] ?? "") : (cells[0] ?? "");
      name = cells.filter((_, i) => i !== (at >= 0 ? at : 0)).join(" ").trim() || null;
    }
    if (!EMAIL.test(email)) {
      bad.push({ line, text: trimmed, reason: "invalid_email" });
      return;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) {
      bad.push({ line, text: trimmed, reason: "duplicate" });
      return;
    }
    seen.add(key);
    valid.push({ line, email, display_name: name });
  });
  return { valid, bad };
}

import { describe, expect, it } from "vitest";

import { parseInvitees } from "./csv";

describe("parseInvitees", () => {
  it("reads addresses, names and the usual shapes, with line numbers", () => {
    const { valid, bad } = parseInvitees("email,name\nann@example.org,Ann\nBob <bob@example.org>\n\n\"Carol, C\";carol@example.org\ndan@example.org");
    expect(bad).toEqual([]);
    expect(valid).toEqual([
      { line: 2, email: "ann@example.org", display_name: "Ann" },
      { line: 3, email: "bob@example.org", display_name: "Bob" },
      { line: 5, email: "carol@example.org", display_name: "Carol, C" },
      { line: 6, email: "dan@example.org", display_name: null },
    ]);
  });

  it("reports bad and repeated lines with their numbers", () => {
    const { valid, bad } = parseInvitees("ann@example.org\nnot an email\nANN@example.org\r\nbob@");
    expect(valid.map((v) => v.email)).toEqual(["ann@example.org"]);
    expect(bad).toEqual([
      { line: 2, text: "not an email", reason: "invalid_email" },
      { line: 3, text: "ANN@example.org", reason: "duplicate" },
      { line: 4, text: "bob@", reason: "invalid_email" },
    ]);
  });
});

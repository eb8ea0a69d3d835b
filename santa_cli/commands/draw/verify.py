"""``santa draw verify``: check a revealed draw against its commitment. Prints no pairs."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from santa_cli.commands.draw._io import EXIT_INPUT, read_json
from santa_cli.output import console, fail, print_json


def verify(
    source: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="Box JSON file, or the verification document a box publishes at its reveal "
            "(GET /boxes/{id}/draw/verification, its `document`); - for stdin.",
        ),
    ],
    seed: Annotated[
        str | None, typer.Option(help="The revealed seed (taken from a verification document).")
    ] = None,
    commitment: Annotated[
        str | None, typer.Option(help="The commitment published before the draw.")
    ] = None,
    assignments: Annotated[
        str | None,
        typer.Option(
            help='JSON file with the claimed draw: {"santa": "giftee", ...} or the output '
            "of `santa draw solve --json`."
        ),
    ] = None,
    digest: Annotated[
        str | None, typer.Option(help="The published digest of the draw, instead of the pairs.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """Check a revealed draw: exit 0 if it matches, 1 if not. Never prints a pair.

    Re-runs the draw of INPUT with SEED and compares it with the published
    commitment and the claimed assignments (or their digest).

    \b
    Example:
      santa draw verify box.json --seed S --commitment C --assignments draw.json
    """
    from santa_core.draw.engine import DrawInputError, parse_input
    from santa_core.draw.engine import verify as check

    raw = read_json(source)
    claimed: dict[str, Any] | None = None
    note = None
    if isinstance(raw, dict) and raw.get("format") == DOCUMENT_FORMAT:
        raw, seed, commitment, claimed, digest, note = _from_document(
            raw, seed, commitment, assignments, digest
        )
    elif assignments is not None:
        claimed = claimed_assignments(read_json(assignments, "assignments"))
    if seed is None:
        fail("give --seed (or a verification document)", code="invalid_input", exit_code=2)
    if commitment is None and claimed is None and digest is None:
        fail("give --commitment, --assignments or --digest", code="invalid_input", exit_code=2)
    if claimed is not None and digest is not None:
        fail("give --assignments or --digest, not both", code="invalid_input", exit_code=2)
    try:
        data = parse_input(raw)
    except DrawInputError as exc:
        fail(str(exc), code="invalid_input", exit_code=EXIT_INPUT)
    report = check(data, seed=seed, commitment=commitment, assignments=claimed, digest=digest)
    if as_json:
        print_json({**report.as_json(), "note": note})
    else:
        colour = "green" if report.ok else "red"
        console.print(f"[{colour}]{report.message}[/]")
        if note:
            console.print(note, highlight=False)
        if report.digest:
            console.print(f"draw digest: {report.digest}", highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


DOCUMENT_FORMAT = "santa-draw-verification/1"


def _from_document(
    doc: dict[str, Any],
    seed: str | None,
    commitment: str | None,
    assignments: str | None,
    digest: str | None,
) -> tuple[Any, str | None, str | None, dict[str, Any] | None, str | None, str | None]:
    """A box's verification document: the input as drawn, seed, commitment and the pairs.

    After repairs (someone left or joined) the pairs are no longer the seed's draw:
    then the draw is checked by the digest published at the draw, and a note says so.
    """
    if not isinstance(doc.get("box"), dict) or not isinstance(doc.get("seed"), str):
        fail("the verification document has no box or seed", code="invalid_input", exit_code=2)
    seed = seed or doc["seed"]
    commitment = commitment or doc.get("commitment")
    claimed = None
    note = None
    repairs = doc.get("repairs") or 0
    if assignments is not None:
        claimed = claimed_assignments(read_json(assignments, "assignments"))
    elif digest is None and repairs and isinstance(doc.get("digest"), str):
        digest = doc["digest"]
        note = (
            f"the pairs were changed by {repairs} audited repair(s) after the draw; "
            "the draw itself was checked by its published digest"
        )
    elif digest is None:
        claimed = claimed_assignments(doc.get("assignments"))
    return doc["box"], seed, commitment, claimed, digest, note


def claimed_assignments(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and isinstance(value.get("assignments"), dict):
        value = value["assignments"]
    if not isinstance(value, dict) or not all(
        isinstance(k, str)
        and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
        for k, v in value.items()
    ):
        fail(
            "assignments must map each santa id to a giftee id (or a list of ids)",
            code="invalid_input",
            exit_code=EXIT_INPUT,
        )
    return value

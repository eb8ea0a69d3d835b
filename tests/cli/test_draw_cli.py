"""``santa draw``: the offline CLI contract (exit codes, JSON shapes, one-line errors)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from santa_cli.commands.draw import app

BOX: dict[str, Any] = {
    "participants": ["ann", "bob", "cy", "dee"],
    "groups": [["ann", "bob"]],
    "exclusions": [["cy", "dee"]],
    "forced": [],
    "history": [{"ann": "cy", "bob": "dee", "cy": "ann", "dee": "bob"}],
    "options": {"avoid_two_cycles": False, "single_cycle": False, "gifts_per_person": 1},
}
IMPOSSIBLE = {"participants": ["ann", "bob", "cy"], "groups": [["ann", "bob"]]}

runner = CliRunner()


def run(*args: str, stdin: Any = None) -> Any:
    text = json.dumps(stdin) if stdin is not None and not isinstance(stdin, str) else stdin
    return runner.invoke(app, list(args), input=text)


class TestSolve:
    def test_json_draw(self) -> None:
        result = run("solve", "-", "--json", "--seed", "1", stdin=BOX)
        assert result.exit_code == 0, result.output
        out = json.loads(result.stdout)
        assert out["assignments"] == {"ann": "dee", "bob": "cy", "cy": "bob", "dee": "ann"}
        assert out["method"] in {"rejection", "exact-dp", "exact-enumeration", "markov-chain"}
        assert out["seed"] == "1"
        assert out["commitment"].startswith("sha256:")

    def test_from_file_and_reproducible(self, tmp_path: Path) -> None:
        path = tmp_path / "box.json"
        path.write_text(json.dumps({"participants": [f"p{i}" for i in range(30)]}))
        a = run("solve", str(path), "--json", "--seed", "s")
        b = run("solve", str(path), "--json", "--seed", "s")
        assert a.exit_code == 0
        assert json.loads(a.stdout)["assignments"] == json.loads(b.stdout)["assignments"]

    def test_several_gifts_map_to_lists(self) -> None:
        box = {"participants": ["a", "b", "c", "d", "e"], "options": {"gifts_per_person": 2}}
        out = json.loads(run("solve", "-", "--json", "--seed", "1", stdin=box).stdout)
        assert all(isinstance(g, list) and len(g) == 2 for g in out["assignments"].values())

    def test_samples_are_json_lines_with_json(self) -> None:
        box = BOX | {"history": []}
        result = run("solve", "-", "--samples", "5", "--seed", "x", "--json", stdin=box)
        assert result.exit_code == 0
        lines = result.stdout.strip().splitlines()
        assert len(lines) == 5
        samples = [json.loads(line) for line in lines]
        assert all(s["assignments"] for s in samples)
        # Every sample carries the box's secrecy warnings, not only the first.
        assert len({json.dumps(s["warnings"]) for s in samples}) == 1
        assert len({s["valid_draws"] for s in samples}) == 1

    def test_samples_are_tables_without_json(self) -> None:
        box = {"participants": ["ann", "bob", "cy"]}  # a 3-person box: warned every time
        result = run("solve", "-", "--samples", "3", "--seed", "x", stdin=box)
        assert result.exit_code == 0, result.output
        assert "{" not in result.stdout
        assert [f"draw {i} of 3" in result.stdout for i in (1, 2, 3)] == [True] * 3
        assert result.stdout.count("Warning:") == 3 * result.stdout.split("draw 2 of 3")[0].count(
            "Warning:"
        )
        assert "Warning:" in result.stdout

    def test_infeasible_exits_1_with_witness(self) -> None:
        result = run("solve", "-", "--json", stdin=IMPOSSIBLE)
        assert result.exit_code == 1
        out = json.loads(result.stdout)
        assert out["error"] == "infeasible"
        assert out["witness"] == ["ann", "bob"]
        assert out["explanation"] == (
            "ann and bob may only give to cy: 2 people for 1 giftee, so no draw exists."
        )
        assert out["suggestion"]

    def test_human_output(self) -> None:
        result = run("solve", "-", "--seed", "1", stdin=BOX)
        assert result.exit_code == 0
        assert "Santa" in result.stdout
        assert "ann" in result.stdout
        assert "method: rejection" in result.stdout or "method:" in result.stdout
        bad = run("solve", "-", "--lang", "ru", stdin=IMPOSSIBLE)
        assert bad.exit_code == 1
        assert "могут дарить только" in bad.stdout

    @pytest.mark.parametrize(
        ("stdin", "message"),
        [
            ({"participants": ["a", "a"]}, "duplicate participant id 'a'"),
            ({"participants": ["a", "b"], "exclusions": [["a", "z"]]}, "unknown participant 'z'"),
            ({"participants": "ab"}, "participants must be a list"),
            (
                {"participants": ["a", "b"], "options": {"gifts_per_person": "2"}},
                "gifts_per_person",
            ),
            ({"participants": ["a", "b"], "options": []}, "options must be an object"),
            (
                {"participants": ["a", "b"], "history": [{"a": "b"}], "groups": False},
                "groups must be a list",
            ),
            ("[1, 2", "not valid JSON"),
            ("{}", "missing key 'participants'"),
        ],
    )
    def test_malformed_input_exits_2_with_one_line(self, stdin: Any, message: str) -> None:
        result = run("solve", "-", "--json", stdin=stdin)
        assert result.exit_code == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert message in lines[0]
        assert "Traceback" not in result.stderr

    def test_missing_file_exits_2(self, tmp_path: Path) -> None:
        result = run("solve", str(tmp_path / "nope.json"))
        assert result.exit_code == 2
        assert "cannot read" in result.stderr


class TestCommitVerify:
    def test_round_trip(self, tmp_path: Path) -> None:
        box = tmp_path / "box.json"
        box.write_text(json.dumps(BOX | {"history": []}))
        committed = json.loads(run("commit", str(box), "--json").stdout)
        seed, commitment = committed["seed"], committed["commitment"]
        solved = run("solve", str(box), "--json", "--seed", seed)
        claimed = tmp_path / "draw.json"
        claimed.write_text(solved.stdout)
        ok = run(
            "verify",
            str(box),
            "--seed",
            seed,
            "--commitment",
            commitment,
            "--assignments",
            str(claimed),
            "--json",
        )
        assert ok.exit_code == 0, ok.output
        report = json.loads(ok.stdout)
        assert report["ok"]
        for santa in BOX["participants"]:
            assert santa not in ok.stdout  # no pair (not even a name) is printed

        draw = json.loads(solved.stdout)["assignments"]
        first, second = sorted(draw)[:2]
        draw[first], draw[second] = draw[second], draw[first]
        claimed.write_text(json.dumps(draw))
        tampered = run(
            "verify",
            str(box),
            "--seed",
            seed,
            "--commitment",
            commitment,
            "--assignments",
            str(claimed),
        )
        assert tampered.exit_code == 1
        assert "verification failed" in tampered.stdout

    def test_digest_and_wrong_seed(self, tmp_path: Path) -> None:
        box = tmp_path / "box.json"
        box.write_text(json.dumps({"participants": [f"p{i}" for i in range(20)]}))
        digest = json.loads(run("solve", str(box), "--json", "--seed", "s").stdout)["digest"]
        assert run("verify", str(box), "--seed", "s", "--digest", digest).exit_code == 0
        assert run("verify", str(box), "--seed", "t", "--digest", digest).exit_code == 1

    def test_verify_needs_something_to_check(self, tmp_path: Path) -> None:
        box = tmp_path / "box.json"
        box.write_text(json.dumps(BOX))
        assert run("verify", str(box), "--seed", "s").exit_code == 2


class TestRepair:
    BEFORE: ClassVar[dict[str, Any]] = {"participants": ["ann", "bob", "cy", "dee", "eve", "fay"]}

    def _draw(self, tmp_path: Path) -> tuple[Path, dict[str, str]]:
        solved = run("solve", "-", "--json", "--seed", "7", stdin=self.BEFORE)
        path = tmp_path / "draw.json"
        path.write_text(solved.stdout)
        return path, json.loads(solved.stdout)["assignments"]

    def test_leaver_and_joiner_change_only_what_must(self, tmp_path: Path) -> None:
        path, old = self._draw(tmp_path)
        leaver = "eve"
        santa_of_leaver = next(s for s, g in old.items() if g == leaver)
        after = {"participants": [p for p in self.BEFORE["participants"] if p != leaver] + ["gus"]}
        result = run(
            "repair", "-", "--assignments", str(path), "--json", "--seed", "1", stdin=after
        )
        assert result.exit_code == 0, result.output
        out = json.loads(result.stdout)
        new = out["assignments"]
        assert sorted(new) == sorted(after["participants"])
        assert sorted(new.values()) == sorted(after["participants"])  # a permutation
        assert all(s != g for s, g in new.items())
        assert out["removed"] == ["eve"]
        assert out["added"] == ["gus"]
        assert santa_of_leaver in out["changed"]
        assert "gus" in out["changed"]
        kept = {s for s in new if s in old and old[s] == new[s]}
        assert kept == set(new) - set(out["changed"])  # every other pair survives
        assert out["kept"] == len(kept) >= 3
        assert out["redrawn"] is False

    def test_opened_santas_are_spared(self, tmp_path: Path) -> None:
        path, old = self._draw(tmp_path)
        after = {"participants": [*self.BEFORE["participants"], "gus"]}
        opened = [s for s in old if s != "ann"]
        result = run(
            "repair", "-", "--assignments", str(path), "--json",
            "--opened", ",".join(opened[:2]), *[arg for o in opened[2:] for arg in ("--opened", o)],
            stdin=after,
        )  # fmt: skip
        out = json.loads(result.stdout)
        assert result.exit_code == 0, result.output
        assert sorted(out["changed"]) == ["ann", "gus"]  # the one unopened santa moves
        assert out["changed_opened"] == []

    def test_rules_added_after_the_draw_are_rechecked(self, tmp_path: Path) -> None:
        path, old = self._draw(tmp_path)
        santa, giftee = next(iter(old.items()))
        after = self.BEFORE | {"exclusions": [[santa, giftee]]}
        out = json.loads(
            run("repair", "-", "--assignments", str(path), "--json", stdin=after).stdout
        )
        assert out["assignments"][santa] != giftee
        assert santa in out["changed"]

    def test_human_output_and_infeasible(self, tmp_path: Path) -> None:
        path, _ = self._draw(tmp_path)
        after = {"participants": [*self.BEFORE["participants"], "gus"]}
        human = run("repair", "-", "--assignments", str(path), "--lang", "ru", stdin=after)
        assert human.exit_code == 0
        assert "Добавлены: gus" in human.stdout
        impossible = {"participants": ["ann", "bob", "cy"], "groups": [["ann", "bob"]]}
        bad = run("repair", "-", "--assignments", str(path), "--json", stdin=impossible)
        assert bad.exit_code == 1
        assert json.loads(bad.stdout)["error"] == "infeasible"

    def test_malformed_draw_exits_2(self, tmp_path: Path) -> None:
        path = tmp_path / "draw.json"
        path.write_text(json.dumps({"ann": 3}))
        result = run("repair", "-", "--assignments", str(path), stdin=self.BEFORE)
        assert result.exit_code == 2
        assert "assignments must map" in result.stderr


class TestUsageErrors:
    """Through the real entry point: usage errors are one line with Typer's message, exit 2."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["draw", "verify"], "Missing argument 'INPUT'"),
            (["draw", "solve", "-", "--samples", "0"], "Invalid value for '--samples'"),
            (["no-such-command"], "No such command 'no-such-command'"),
            (["draw", "repair", "-"], "Missing option '--assignments'"),
        ],
    )
    def test_exit_2_with_the_reason(
        self, argv: list[str], message: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
    ) -> None:
        from santa_cli.main import main

        monkeypatch.setattr("sys.argv", ["santa", *argv])
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert message in err
        assert "unexpected" not in err
        assert err.startswith("error[bad_usage]: ")
        assert err.count("\n") == 1, err
        assert "(see: santa " in err
        assert "Traceback" not in err


@pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv to run the installed entry point")
def test_installed_entry_point() -> None:
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    proc = subprocess.run(
        ["uv", "run", "--no-sync", "santa", "draw", "solve", "-", "--json", "--seed", "1"],
        input=json.dumps(BOX),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["assignments"]["ann"] == "dee"
    bad = subprocess.run(
        ["uv", "run", "--no-sync", "santa", "draw", "solve", "-"],
        input='{"participants": ["a", "a"]}',
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0
    assert "duplicate participant id" in bad.stderr


def test_the_readme_example_has_many_draws_and_no_warning() -> None:
    """The showcase should show what the engine is for, not a box with one possible draw."""
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Drawing offline") :]
    match = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert match is not None
    out = json.loads(run("solve", "-", "--json", stdin=match.group(1)).stdout)
    assert out["valid_draws"] > 100
    assert out["warnings"] == []

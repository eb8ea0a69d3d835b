"""`nox -s audit`: known vulnerabilities in the locked Python dependencies (pip-audit) and,
when frontend/package-lock.json exists, in the web UI's runtime packages (npm audit).

Found vulnerabilities fail the run. A vulnerability service that cannot be reached
(no network, or a registry mirror without the advisory API) audits nothing: that is
said in one loud line and does not fail the run, unless SANTA_AUDIT_REQUIRED=1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = os.environ.get("SANTA_AUDIT_REQUIRED", "") == "1"


def _unreachable(what: str, why: str) -> int:
    print(f"!!! audit: {what} NOT audited: {why} !!!", file=sys.stderr)
    return 1 if REQUIRED else 0


def python_audit() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "requirements.txt"
        subprocess.run(
            [
                "uv",
                "export",
                "--frozen",
                "--no-emit-project",
                "--format",
                "requirements-txt",
                "--output-file",
                str(req),
                "--quiet",
            ],
            cwd=ROOT,
            check=True,
        )
        out = subprocess.run(
            [
                "pip-audit",
                "-r",
                str(req),
                "--disable-pip",
                "--no-deps",
                "--format",
                "json",
                "--progress-spinner",
                "off",
                "--vulnerability-service",
                os.environ.get("SANTA_AUDIT_SERVICE", "pypi"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        last = (out.stderr.strip().splitlines() or ["no output"])[-1]
        return _unreachable("Python dependencies", f"pip-audit could not run ({last})")
    deps = report.get("dependencies", [])
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = len(deps) - len(skipped)
    vulnerable = [d for d in deps if d.get("vulns")]
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"vulnerable: {dep['name']} {dep['version']}: {ids}")
    if vulnerable:
        return 1
    if audited == 0 and deps:
        return _unreachable(
            "Python dependencies",
            f"the vulnerability service answered for none of {len(deps)} packages "
            "(its advisory API is out of reach from here)",
        )
    print(
        f"audit: {audited} Python packages audited, no known vulnerabilities"
        + (f" ({len(skipped)} skipped)" if skipped else "")
    )
    return 0


def npm_audit() -> int:
    frontend = ROOT / "frontend"
    if not (frontend / "package-lock.json").is_file():
        return 0
    npm = shutil.which("npm")
    if npm is None:
        return _unreachable("frontend packages", "npm is not installed")
    out = subprocess.run(
        [npm, "audit", "--omit=dev", "--audit-level=high", "--json"],
        cwd=frontend,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(out.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    if "error" in report or "metadata" not in report:
        why = report.get("error", {}).get("summary") or "the audit endpoint returned an error"
        return _unreachable("frontend packages", str(why))
    counts = report["metadata"].get("vulnerabilities", {})
    bad = counts.get("high", 0) + counts.get("critical", 0)
    if bad:
        print(f"vulnerable: {bad} high or critical advisories in frontend runtime packages")
        return 1
    print("audit: frontend runtime packages, no high or critical advisories")
    return 0


def main() -> None:
    sys.exit(python_audit() | npm_audit())


if __name__ == "__main__":
    main()

"""Build the web UI into the Python package, or check that the committed bundle is current.

    python scripts/webui_bundle.py          build frontend/ into santa_server/webui/dist
    python scripts/webui_bundle.py --check  build into a temporary folder and fail if the
                                            committed bundle differs (CI's drift check)
    python scripts/webui_bundle.py --npm-ci-only   only `npm ci`, when node_modules is
                                            missing or installed from another lock file
    python scripts/webui_bundle.py --npm-ci        only `npm ci`, always (CI)

Vite's output depends only on the sources and the locked node_modules (content hashes in
file names, no timestamps), so the same commit builds the same bytes everywhere.
"""

from __future__ import annotations

import filecmp
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from santa_server import webui  # noqa: E402

FRONTEND = ROOT / "frontend"
LOCK_STAMP = FRONTEND / "node_modules" / ".santa-package-lock.sha256"


def lock_digest() -> str:
    return hashlib.sha256((FRONTEND / "package-lock.json").read_bytes()).hexdigest()


def needs_npm_ci() -> bool:
    """node_modules is missing or was installed from another package-lock.json."""
    try:
        return LOCK_STAMP.read_text().strip() != lock_digest()
    except OSError:
        return True


def npm_ci() -> None:
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    LOCK_STAMP.write_text(lock_digest() + "\n")


def build(out: Path) -> None:
    subprocess.run(
        ["npm", "run", "build", "--", "--outDir", str(out), "--emptyOutDir"],
        cwd=FRONTEND,
        check=True,
    )
    webui.write_build_info(out, FRONTEND)


def _differences(a: Path, b: Path) -> list[str]:
    cmp = filecmp.dircmp(a, b)
    found = [f"only in the fresh build: {n}" for n in cmp.left_only]
    found += [f"only in the committed bundle: {n}" for n in cmp.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    found += [f"differs: {n}" for n in mismatch + errors]
    for sub in cmp.common_dirs:
        found += [f"{sub}/{d}" for d in _differences(a / sub, b / sub)]
    return found


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if "--npm-ci" in argv or needs_npm_ci():
        npm_ci()
    if "--npm-ci" in argv or "--npm-ci-only" in argv:
        return 0
    dist = webui.DIST_DIR
    with tempfile.TemporaryDirectory(prefix="santa-webui-") as tmp:
        fresh = Path(tmp) / "dist"
        build(fresh)
        if check:
            if not dist.is_dir():
                print(f"{dist} is missing: {webui.BUILD_HINT}", file=sys.stderr)
                return 1
            diffs = _differences(fresh, dist)
            if diffs:
                print("\n".join(diffs[:20]), file=sys.stderr)
                print(f"the committed web UI bundle drifts from frontend/: {webui.BUILD_HINT}")
                return 1
            print("web UI bundle is up to date")
            return 0
        changed = not dist.is_dir() or bool(_differences(fresh, dist))
        shutil.rmtree(dist, ignore_errors=True)
        shutil.copytree(fresh, dist)
    print(f"web UI bundle {'updated' if changed else 'unchanged'}: {dist.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

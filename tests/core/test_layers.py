"""santa_core's domains import each other only at module top, and files form no circle.

import-linter's ``layers`` contract (pyproject.toml, run by ``nox -s lint``)
checks the direction of every import, but an import inside a function hides
a dependency from the reader and is how a circle usually sneaks back in; so
this scans the source itself.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[2]
CORE = ROOT / "santa_core"


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _target(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _domain(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


Import = tuple[ast.stmt, str, list[str], bool, bool]


def _imports(path: Path) -> Iterator[Import]:
    """(node, module, names imported from it, inside a function, under TYPE_CHECKING)."""
    module, is_package = _module(path), path.name == "__init__.py"
    tree = ast.parse(path.read_text(), filename=str(path))

    def visit(node: ast.AST, in_function: bool, typing_only: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield child, alias.name, [], in_function, typing_only
            elif isinstance(child, ast.ImportFrom):
                base = _target(module, child, is_package)
                names = [a.name for a in child.names]
                yield child, base, names, in_function, typing_only
            else:
                function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                checking = isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
                yield from visit(child, in_function or function, typing_only or checking)

    yield from visit(tree, False, False)


def _edges(base: str, names: list[str], modules: set[str] | dict[str, Any]) -> set[str]:
    """The modules an import names, as import-linter counts them: ``from pkg import sub``
    is an import of ``pkg.sub``; ``from pkg import name`` one of ``pkg``."""
    subs = {f"{base}.{n}" for n in names if f"{base}.{n}" in modules}
    rest = [n for n in names if f"{base}.{n}" not in modules]
    return subs | ({base} if rest or not names else set())


def _files() -> list[Path]:
    return sorted(p for p in CORE.rglob("*.py"))


class TestImports:
    def test_no_function_level_import_of_another_domain(self) -> None:
        modules = {_module(p) for p in _files()}
        offenders = []
        for path in _files():
            own = _domain(_module(path))
            for node, base, names, in_function, _ in _imports(path):
                if not in_function:
                    continue
                targets = _edges(base, names, modules)
                others = {_domain(t) for t in targets if t.startswith("santa_core.") and _domain(t)}
                if others - {own}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        assert offenders == [], "import other domains at the top of the module: " + ", ".join(
            offenders
        )

    def test_no_import_circle_between_files(self) -> None:
        modules = {_module(p): p for p in _files()}
        graph: dict[str, set[str]] = {m: set() for m in modules}
        for name, path in modules.items():
            for _, base, names, _, typing_only in _imports(path):
                if typing_only:
                    continue  # the SQLAlchemy models name each other for type checkers only
                targets = _edges(base, names, modules)
                graph[name] |= {t for t in targets if t in modules and t != name}
        circles = _cycles(graph)
        assert circles == [], f"import circles: {circles}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found

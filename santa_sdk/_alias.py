"""Expose ``santa_sdk._generated.{api,models,...}`` as ``santa_sdk.{api,models,...}``.

The generated tree keeps its own package (so it is regenerated wholesale), while
users import ``from santa_sdk.api.boxes import create_box``.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

_PUBLIC = "santa_sdk."
_REAL = "santa_sdk._generated."
_ROOTS = ("api", "models", "types", "errors")


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, real_name: str) -> None:
        self.real_name = real_name

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.real_name)

    def exec_module(self, module: ModuleType) -> None:
        return None


class _AliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(_PUBLIC) or fullname.startswith(_REAL):
            return None
        rest = fullname[len(_PUBLIC) :]
        if rest.split(".")[0] not in _ROOTS:
            return None
        real = _REAL + rest
        try:
            real_spec = importlib.util.find_spec(real)
        except ModuleNotFoundError:
            return None
        if real_spec is None:
            return None
        return importlib.machinery.ModuleSpec(
            fullname,
            _AliasLoader(real),
            is_package=real_spec.submodule_search_locations is not None,
        )


def install() -> None:
    if not any(isinstance(f, _AliasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _AliasFinder())

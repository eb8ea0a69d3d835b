"""Path parameters that never swallow a sibling route's literal segment.

``/boxes/{box_id}/invites/{invite_id}`` matches any segment, so ``DELETE
/boxes/…/invites/import`` reached the revoke route (a 422 about the id) instead of
the 405 (with ``Allow: POST``) that ``/invites/import`` owes a method it lacks.
``keep_literals_apart`` gives such a parameter a convertor that matches any segment
except the literal ones of sibling routes (``import`` here, ``me`` next to
``{participant_id}``). A malformed id still reaches its route and gets its field
error; the spec is unchanged.
"""

from __future__ import annotations

import re

from fastapi import APIRouter
from fastapi.routing import APIRoute, APIWebSocketRoute
from starlette.convertors import Convertor, register_url_convertor
from starlette.routing import compile_path

_PARAM = re.compile(r"^\{(\w+)\}$")


class _SegmentExcept(Convertor[str]):
    """One path segment, except the literals in ``regex`` (see :func:`_segment_except`)."""

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


def _segment_except(literals: tuple[str, ...]) -> _SegmentExcept:
    alternatives = "|".join(re.escape(word) for word in literals)
    regex = rf"(?!(?:{alternatives})(?:/|$))[^/]+"
    convertor: _SegmentExcept = type("SegmentExcept", (_SegmentExcept,), {"regex": regex})()
    return convertor


def keep_literals_apart(router: APIRouter) -> None:
    """Give the router's path parameters that share a position with a literal segment of a
    sibling route a convertor that leaves that literal to the sibling (call before including)."""
    routes = [r for r in router.routes if isinstance(r, APIRoute | APIWebSocketRoute)]
    split = {id(r): r.path.split("/") for r in routes}
    for route in routes:
        parts = split[id(route)]
        changed = False
        for i, part in enumerate(parts):
            match = _PARAM.match(part)
            if not match:
                continue
            literals = sorted(
                {
                    other[i]
                    for other in split.values()
                    if len(other) > i
                    and not other[i].startswith("{")
                    and _same_prefix(other[:i], parts[:i])
                }
            )
            if literals:
                name = "except_" + "_".join(re.sub(r"\W", "_", w) for w in literals)
                register_url_convertor(name, _segment_except(tuple(literals)))
                parts[i] = f"{{{match.group(1)}:{name}}}"
                changed = True
        if changed:
            route.path = "/".join(parts)
            route.path_regex, route.path_format, route.param_convertors = compile_path(route.path)


def _same_prefix(a: list[str], b: list[str]) -> bool:
    """Equal segments, parameters counting as equal whatever their names and convertors."""
    return len(a) == len(b) and all(
        x == y or (x.startswith("{") and y.startswith("{")) for x, y in zip(a, b, strict=True)
    )

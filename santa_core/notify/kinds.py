"""Every notification kind, as the renderer and the dispatcher need it.

A kind is defined by its payload type (:mod:`.payloads`): its name, category,
main link and the keys its templates need follow from it. This package renders
it from ``templates/<language>/<kind>.txt`` (subject, body and the label of the
main link, as Jinja blocks) and, when present, ``<kind>.html`` (otherwise the
HTML is built from the text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from santa_core.errors import InvalidInput
from santa_core.notify.payloads import PAYLOADS, Category, Payload

__all__ = ["KINDS", "Category", "Kind", "UnknownKind", "get_kind"]


@dataclass(frozen=True)
class Kind:
    name: str
    category: Category
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    #: Payload key of the main link (rendered as a button / a last line).
    action: str | None = None

    @classmethod
    def of(cls, payload: type[Payload]) -> Kind:
        fields = [n for n in payload.model_fields if n != "recipient_name"]
        required = tuple(n for n in fields if payload.model_fields[n].is_required())
        optional = tuple(n for n in fields if n not in required)
        return cls(payload.kind, payload.category, required, optional, action=payload.action)

    @property
    def transactional(self) -> bool:
        """Sent regardless of the recipient's notification settings."""
        return self.category is Category.ACCOUNT

    @property
    def chat(self) -> bool:
        """Also delivered to Telegram / VK when the recipient turned those on."""
        return self.category is not Category.ACCOUNT

    def text_template(self, language: str) -> str:
        return f"{language}/{self.name}.txt"

    def html_template(self, language: str) -> str:
        return f"{language}/{self.name}.html"

    def missing(self, payload: Mapping[str, Any]) -> list[str]:
        return [key for key in self.required if payload.get(key) in (None, "")]


KINDS: dict[str, Kind] = {name: Kind.of(payload) for name, payload in PAYLOADS.items()}


class UnknownKind(InvalidInput):
    code = "unknown_notification_kind"
    default_message = "Unknown notification kind."


def get_kind(name: str, registry: Mapping[str, Kind] | None = None) -> Kind:
    kind = (registry or KINDS).get(name)
    if kind is None:
        raise UnknownKind(f"Unknown notification kind {name!r}.", kind=name)
    return kind

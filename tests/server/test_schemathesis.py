"""Acceptance 5: schemathesis over the whole OpenAPI spec, every check: no 5xx, no response
that breaks the schema, no schema-valid request refused and no invalid one accepted.
In-process (ASGI), on SQLite, authenticated as a seeded organizer; path ids of positive
cases point at real rows half of the time so deep code runs too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import migrate, models
from santa_core.models import BoxStatus
from santa_server.app import create_app
from scripts.schemathesis_rules import within_rules
from tests.conftest import make_settings, truncate_all
from tests.server.boxkit import auth
from tests.server.test_boxes_permissions import World, build_world

MAX_EXAMPLES = 8
#: The coverage phase walks every boundary and negative value of every schema.
COVERAGE_PHASE = os.environ.get("SANTA_SCHEMATHESIS_COVERAGE", "0") == "1"

# schemathesis loads the spec at import (its pytest fixture loader does not work with
# pytest 9), so the app exists from import on; its SQLite database is only migrated
# and seeded by the ``target`` fixture.
_TMP = Path(tempfile.mkdtemp(prefix="santa-schemathesis-"))
SETTINGS = make_settings(
    _TMP,
    f"sqlite:///{_TMP / 'api.db'}",
    rate_limit_enabled=False,
    argon2_time_cost=1,
    argon2_memory_cost_kib=1024,
    argon2_parallelism=1,
)
APP = create_app(SETTINGS)
CONFIG = SchemathesisConfig.from_dict(
    {
        "phases": {"coverage": {"enabled": COVERAGE_PHASE}},
        "generation": {"max-examples": MAX_EXAMPLES},
    }
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP, config=CONFIG)


@pytest.fixture(scope="module")
def target() -> Iterator[Engine]:
    engine: Engine = APP.state.engine
    migrate.upgrade(engine)
    yield engine
    engine.dispose()
    shutil.rmtree(_TMP, ignore_errors=True)


@pytest.fixture
def world(target: Engine) -> Iterator[World]:
    yield build_world(target, SETTINGS, BoxStatus.MATCHED)
    truncate_all(target)


def _members(engine: Engine, box_id: uuid.UUID) -> list[str]:
    with Session(engine) as s:
        ids = s.scalars(select(models.Participant.id).where(models.Participant.box_id == box_id))
        return [str(i) for i in ids]


_REAL = {
    "box_id": lambda w: w.box_id,
    "participant_id": lambda w: w.member_id,
    "household_id": lambda w: w.household_id,
    "exclusion_id": lambda w: w.exclusion_id,
    "forced_pair_id": lambda w: w.forced_pair_id,
    "invite_id": lambda w: w.invite_id,
    "code": lambda w: w.invite_code,
}


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api(case: Any, world: World, target: Engine) -> None:
    params = case.path_parameters or {}
    path_info = case.meta.components.get(ParameterLocation.PATH) if case.meta else None
    if path_info is not None and path_info.mode is GenerationMode.NEGATIVE:
        params = {}  # the invalid path id is what the case tests: keep it
    for name, real in _REAL.items():
        value = params.get(name)
        if value is not None and uuid.uuid5(uuid.NAMESPACE_OID, str(value)).int % 2 == 0:
            params[name] = str(real(world))
    # Every check, positive_data_acceptance too: positive cases are brought within the
    # rules between fields first, as in the served run (scripts/schemathesis_rules.py).
    within_rules(case, box=str(world.box_id), members=_members(target, world.box_id))
    case.call_and_validate(headers=auth(SETTINGS, world.users["organizer"]))

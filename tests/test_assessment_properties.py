"""Rules that hold for every profile (hypothesis)."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.assessment import assess
from knowledge.catalog import load_catalog
from knowledge.errors import ProfileError
from knowledge.profile import parse_profile

CATALOG = load_catalog()
CERT_IDS = [c.id for c in CATALOG.certifications]
TOOL_ITEMS = list(CATALOG.rules.tool_items)
AREAS = ["literacy", "programming", "model_training", "service_dev"]
RANK = {"未達": 0, "初階": 1, "進階": 2, "具備": 1}

hours_value = st.one_of(st.integers(0, 60), st.floats(0, 60, allow_nan=False, allow_infinity=False))
self_declared = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["甲證照", "乙證照", "丙證照"]),
        "category": st.sampled_from(["素養類", "工具類", "專案類"]),
    }
)
profiles = st.fixed_dictionaries(
    {
        "certifications": st.lists(st.sampled_from(CERT_IDS), max_size=5),
        "self_declared": st.lists(self_declared, max_size=2),
        "hours": st.fixed_dictionaries(
            {area: hours_value for area in AREAS}
            | {"tool": st.fixed_dictionaries({t: hours_value for t in TOOL_ITEMS})}
        ),
    }
)
quick = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def levels(raw: dict[str, Any], policy: str = "either") -> dict[str, int]:
    result = assess(parse_profile({**raw, "policy": policy}, CATALOG), CATALOG)
    return {t["type"]: RANK[t["level"]] for t in result["types"]}


def _at_least(a: dict[str, int], b: dict[str, int]) -> bool:
    return all(a[k] >= b[k] for k in a)


@quick
@given(profiles, st.sampled_from(AREAS + TOOL_ITEMS), st.floats(0, 100, allow_nan=False))
def test_more_hours_never_lower_a_level(raw: dict[str, Any], area: str, extra: float) -> None:
    more = json.loads(json.dumps(raw))
    if area in TOOL_ITEMS:
        more["hours"]["tool"][area] += extra
    else:
        more["hours"][area] += extra
    assert _at_least(levels(more), levels(raw))


@quick
@given(profiles, st.sampled_from(CERT_IDS))
def test_another_certification_never_lowers_a_level(raw: dict[str, Any], cert_id: str) -> None:
    more = {**raw, "certifications": [*raw["certifications"], cert_id]}
    assert _at_least(levels(more), levels(raw))


@quick
@given(profiles)
def test_both_is_never_above_either(raw: dict[str, Any]) -> None:
    assert _at_least(levels(raw, "either"), levels(raw, "both"))


@quick
@given(profiles)
def test_same_profile_same_bytes(raw: dict[str, Any]) -> None:
    first = json.dumps(assess(parse_profile(raw, CATALOG), CATALOG), ensure_ascii=False)
    second = json.dumps(assess(parse_profile(json.loads(json.dumps(raw)), CATALOG), CATALOG), ensure_ascii=False)
    assert first == second


bad_values = st.one_of(
    st.floats(max_value=-1e-9, allow_nan=False),
    st.floats(min_value=10000.001, allow_nan=False),
    st.just(math.nan),
    st.just(math.inf),
    st.just(-math.inf),
    st.booleans(),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
)


@quick
@given(profiles, st.sampled_from(AREAS + TOOL_ITEMS), bad_values)
def test_any_invalid_hours_value_names_its_field(raw: dict[str, Any], area: str, bad: object) -> None:
    broken = json.loads(json.dumps(raw))
    if area in TOOL_ITEMS:
        broken["hours"]["tool"][area] = bad
        field = f"hours.tool.{area}"
    else:
        broken["hours"][area] = bad
        field = f"hours.{area}"
    try:
        parse_profile(broken, CATALOG)
    except ProfileError as exc:
        assert exc.field == field
    else:
        raise AssertionError(f"{field}={bad!r} was accepted")


@quick
@given(profiles)
def test_gaps_beyond_name_only_unmet_levels_after_the_next(raw: dict[str, Any]) -> None:
    """`gaps_beyond` (「要到進階還差什麼」 before 初階): only levels above the next one, none of them met."""
    result = assess(parse_profile({**raw, "policy": "either"}, CATALOG), CATALOG)
    for t in result["types"]:
        order = [lv["level"] for lv in t["levels"]]
        reached = order.index(t["level"]) if t["level"] in order else -1
        beyond = {g["level"] for g in t["gaps_beyond"]}
        assert all(order.index(level) > reached + 1 for level in beyond)
        assert all(not lv["met"] for lv in t["levels"] if lv["level"] in beyond)
        if reached + 2 < len(order):  # a level two steps up always has a gap on some route
            assert order[reached + 2] in beyond

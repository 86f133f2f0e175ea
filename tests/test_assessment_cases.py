"""Assessment cases as data (tests/cases/assessment_cases.yaml), hand-computed from 表5."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.profile import parse_profile

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "assessment_cases.yaml").read_text(encoding="utf-8")
)


def test_enough_cases() -> None:
    assert len(CASES) >= 40
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], catalog: Catalog) -> None:
    expect = case["expect"]
    if "error_field" in expect:
        with pytest.raises(ProfileError) as info:
            parse_profile(case["profile"], catalog)
        assert info.value.field == expect["error_field"], case["why"]
        assert info.value.message
        return
    result = assess(parse_profile(case["profile"], catalog), catalog)
    assert {t["type"]: t["level"] for t in result["types"]} == expect["levels"], case["why"]
    assert result["talent_categories"] == expect["talent_categories"], case["why"]
    assert result["guideline_version"] == "115v3.0"

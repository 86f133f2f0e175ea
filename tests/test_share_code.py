"""Share codes: any valid profile round-trips, fits a Telegram deep link, and bad codes are refused clearly."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.cli import main
from knowledge.assessment import assess
from knowledge.catalog import load_catalog
from knowledge.models import CERT_CATEGORIES
from knowledge.profile import parse_profile
from knowledge.share_code import ShareCodeError, decode, encode, fits_deep_link

CATALOG = load_catalog()
CERT_IDS = [c.id for c in CATALOG.certifications]
ITEMS = list(CATALOG.rules.tool_items)
DEEP_LINK = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

hours = st.integers(0, 1_000_000).map(lambda n: n / 100)  # 0 … 10,000 hours to the hundredth
declared = st.fixed_dictionaries(
    {"name": st.sampled_from(["某證照", "Other cert"]), "category": st.sampled_from(CERT_CATEGORIES)}
).flatmap(
    lambda d: (
        st.just(d)
        if d["category"] != "工具類"
        else st.one_of(st.just(d), st.sampled_from(ITEMS).map(lambda i: {**d, "tool_domain": i}))
    )
)
raw_profiles = st.fixed_dictionaries(
    {
        "certifications": st.lists(st.sampled_from(CERT_IDS), unique=True),
        "self_declared": st.lists(declared, max_size=8),
        "hours": st.fixed_dictionaries(
            {
                "literacy": hours,
                "tool": st.fixed_dictionaries({i: hours for i in ITEMS}),
                "programming": hours,
                "model_training": hours,
                "service_dev": hours,
            }
        ),
        "policy": st.sampled_from(["either", "both"]),
    }
)


def _result_json(profile) -> str:
    return json.dumps(assess(profile, CATALOG), ensure_ascii=False, indent=2)


@settings(max_examples=200, deadline=None)
@given(raw_profiles)
def test_any_valid_profile_round_trips_and_fits_a_deep_link(raw) -> None:
    profile = parse_profile(raw, CATALOG)
    code = encode(profile, CATALOG)
    assert DEEP_LINK.match(code) and fits_deep_link(code)
    again = decode(code, CATALOG)
    assert encode(again, CATALOG) == code  # the code is canonical
    original, shared = assess(profile, CATALOG), assess(again, CATALOG)
    assert [t["level"] for t in shared["types"]] == [t["level"] for t in original["types"]]
    assert shared["measures"] == original["measures"] and shared["summary"] == original["summary"]
    assert _result_json(decode(code, CATALOG)) == _result_json(again)  # re-running gives the same bytes


def test_a_profile_of_listed_certificates_gives_the_byte_identical_result() -> None:
    raw = {"certifications": CERT_IDS[:3], "hours": {"literacy": 18.25, "tool": {"文書": 20}}, "policy": "both"}
    profile = parse_profile(raw, CATALOG)
    assert _result_json(decode(encode(profile, CATALOG), CATALOG)) == _result_json(profile)


def test_the_largest_profile_the_assessment_keeps_still_fits() -> None:
    """Every listed certificate, 60 self-declared ones per slot (the guided flow's bound), 10,000 hours."""
    raw = {
        "certifications": CERT_IDS,
        "self_declared": [{"name": f"x{i}", "category": c} for c in CERT_CATEGORIES for i in range(60)]
        + [{"name": f"y{i}", "category": "工具類", "tool_domain": d} for d in ITEMS for i in range(60)],
        "hours": {
            "literacy": 9999.99,
            "tool": dict.fromkeys(ITEMS, 9999.99),
            "programming": 9999.99,
            "model_training": 9999.99,
            "service_dev": 10000,
        },
        "policy": "both",
    }
    assert fits_deep_link(encode(parse_profile(raw, CATALOG), CATALOG))


def _bytes(code: str) -> bytearray:
    return bytearray(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4)))


def _code(data: bytes) -> str:
    return base64.urlsafe_b64encode(bytes(data)).decode().rstrip("=")


def test_a_code_from_another_guideline_version_is_refused_clearly() -> None:
    other = dataclasses.replace(CATALOG, rules=CATALOG.rules.model_copy(update={"guideline_version": "116v1.0"}))
    code = encode(parse_profile({"hours": {"literacy": 18}}, other), other)
    with pytest.raises(ShareCodeError, match="另一個版本"):
        decode(code, CATALOG)


def test_bad_codes_say_what_is_wrong() -> None:
    code = encode(parse_profile({"hours": {"literacy": 18}}, CATALOG), CATALOG)
    with pytest.raises(ShareCodeError, match="檢查碼"):
        decode(code[:-2] + ("A" if code[-2] != "A" else "B") + code[-1], CATALOG)
    with pytest.raises(ShareCodeError, match="只含英文字母"):
        decode(code + "!", CATALOG)
    with pytest.raises(ShareCodeError, match="太短|長度|不完整"):
        decode(code[:3], CATALOG)
    newer = _bytes(code)
    newer[0] = 2
    with pytest.raises(ShareCodeError, match="第 2 版"):
        decode(_code(newer), CATALOG)
    with pytest.raises(ShareCodeError, match="精度"):
        encode(parse_profile({"hours": {"literacy": 18.125}}, CATALOG), CATALOG)


def test_assess_by_code_and_the_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"certifications": ["AI-901"], "hours": {"literacy": 12.5}}), "utf-8")
    report, saved = tmp_path / "r.html", tmp_path / "saved.json"
    args = ["assess", "--profile", str(profile), "--json", "--share", "--html", str(report)]
    assert main([*args, "--save-profile", str(saved)]) == 0
    first = json.loads(capsys.readouterr().out)
    code = first.pop("share_code")
    assert main(["assess", "--code", code, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert main(["assess", "--profile", str(saved), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    page = report.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and code in page
    assert all(r["id"] in page for t in first["types"] for r in t["rules"])  # the whole audit trail
    assert "data:image/png;base64," in page
    assert main(["assess", "--code", code[:-3], "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "code"

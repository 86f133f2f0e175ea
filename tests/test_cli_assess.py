"""`advisor assess` through the real console script, as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "knowledge" / "examples"
ADVISOR = shutil.which("advisor", path=str(Path(sys.executable).parent)) or "advisor"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ADVISOR, *args], input=stdin, capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_example_profile_json() -> None:
    proc = run("assess", "--profile", str(EXAMPLES / "application-talent.json"), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert [t["level"] for t in result["types"]] == ["具備", "初階", "具備", "未達", "未達"]
    assert result["talent_categories"] == ["AI 應用人才"]
    assert result["guideline_version"] == "115v3.0" and result["policy"] == "either"
    modeling = result["types"][3]
    assert {g["rule_id"] for g in modeling["gaps"]} == {"T4-C1", "T4-C2", "T4-H1"}
    assert any(c["issuer"] for g in modeling["gaps"] for c in g["certifications"])
    for t in result["types"]:
        for rule in t["rules"]:
            assert {"id", "level", "route", "met", "conditions"} <= rule.keys()
            for cond in rule["conditions"]:
                assert {"what", "threshold", "value", "met"} <= cond.keys()


def test_example_profile_text_report() -> None:
    proc = run("assess", "--profile", str(EXAMPLES / "developer-in-training.json"))
    assert proc.returncode == 0, proc.stderr
    assert "AI 模型訓練：未達" in proc.stdout
    assert "出處：附件(二) 表5" in proc.stdout
    assert "時數尚缺 6 小時" in proc.stdout  # 24 of 30 model-training hours


def test_standard_input_and_byte_identical_output() -> None:
    profile = (EXAMPLES / "application-talent.json").read_text(encoding="utf-8")
    first = run("assess", "--profile", "-", "--json", stdin=profile)
    second = run("assess", "--profile", str(EXAMPLES / "application-talent.json"), "--json")
    assert first.returncode == 0 and first.stdout == second.stdout


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ('{"hours": {"literacy": -3}}', "hours.literacy"),
        ('{"hours": {"tool": {"文書": NaN}}}', "hours.tool.文書"),
        ('{"hours": {"programming": Infinity}}', "hours.programming"),
        ('{"hours": {"tool": {"影片": 3}}}', "hours.tool.影片"),
        ('{"hours": {"literacy": "18"}}', "hours.literacy"),
        ('{"hours": {"literacy": true}}', "hours.literacy"),
        ('{"hours": {"model_training": 10001}}', "hours.model_training"),
        ('{"policy": "strict"}', "policy"),
        ('{"colour": "blue"}', "colour"),
        ('{"certifications": ["AWS AI Practioner"]}', "certifications[0]"),
        ('{"self_declared": [{"name": "X", "category": "魔法類"}]}', "self_declared[0].category"),
        ('{"hours": ', "profile"),
        ("", "profile"),
    ],
)
def test_invalid_input_exit_2_with_field(profile: str, field: str) -> None:
    proc = run("assess", "--profile", "-", "--json", stdin=profile)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["error"]["field"] == field
    assert field in proc.stderr and "Traceback" not in proc.stderr
    plain = run("assess", "--profile", "-", stdin=profile)
    assert plain.returncode == 2 and plain.stdout == "" and field in plain.stderr


def test_unknown_certification_message_lists_closest() -> None:
    proc = run("assess", "--profile", "-", stdin='{"certifications": ["AWS AI Practioner"]}')
    assert "AWS Certified AI Practitioner" in proc.stderr


def test_missing_file() -> None:
    proc = run("assess", "--profile", "/nonexistent/profile.json", "--json")
    assert proc.returncode == 2 and json.loads(proc.stdout)["error"]["field"] == "profile"


def run_bytes(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ADVISOR, *args], input=stdin, capture_output=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize(
    ("data", "field", "says"),
    [
        (b'{"hours": {"literacy": 18}, "hours": {}}', "hours", "兩次"),
        (b'{"hours": {"tool": 0}}', "hours.tool", "hours.tool"),
        (b'{"certifications": ["AWS Certified AI Practitioner", "no such cert"]}', "certifications[1]", "表6"),
        (b'{"hours": {"literacy": ' + b"9" * 401 + b"}}", "profile", "太長"),
        (b"[" * 100_000 + b"]" * 100_000, "profile", "巢狀"),
        (b'{"hours": {"literacy": 18}} \xff', "profile", "UTF-8"),
    ],
)
def test_bad_profiles_end_in_a_message_naming_the_field(data: bytes, field: str, says: str) -> None:
    proc = run_bytes("assess", "--profile", "-", "--json", stdin=data)
    assert proc.returncode == 2, proc.stderr[-400:]
    error = json.loads(proc.stdout)["error"]
    assert error["field"] == field and says in error["message"], error
    assert b"Traceback" not in proc.stderr


def test_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    profile = tmp_path / "bom.json"
    profile.write_bytes(b'\xef\xbb\xbf{"hours": {"literacy": 18}}')
    proc = run("assess", "--profile", str(profile), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["types"][0]["level"] == "具備"


@pytest.mark.parametrize(
    ("env", "named"),
    [({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"), ({"TOP_K": "abc"}, "TOP_K"), ({"ADMIN_USER_IDS": "x,y"}, "ADMIN_USER_IDS")],
)
def test_a_bad_setting_is_named_without_a_traceback(env: dict[str, str], named: str) -> None:
    import os

    command = [ADVISOR, "ask", "表6 有幾張？"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT, env={**os.environ, **env})
    assert proc.returncode == 2 and proc.stderr.startswith("Configuration error") and named in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_argument_that_is_not_utf8_is_refused_clearly() -> None:
    proc = subprocess.run([ADVISOR.encode(), b"ask", b"abc\xff"], capture_output=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and b"UTF-8" in proc.stderr and b"Traceback" not in proc.stderr

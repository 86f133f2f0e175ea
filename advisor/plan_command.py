"""`advisor plan`: a learning plan from a profile (or a share code) to a target, as text or JSON."""

from __future__ import annotations

import json
import sys
from typing import Literal, TextIO

from advisor.assess_command import EXIT_INVALID, load_profile
from knowledge.catalog import load_catalog
from knowledge.errors import ProfileError
from knowledge.plan_report import build_learning_plan, plan_to_dict, render_plan
from knowledge.plan_target import parse_target


def run_plan(
    profile_path: str | None,
    code: str | None,
    target_text: str,
    as_json: bool,
    lang: Literal["zh", "en"] = "zh",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Bad input (profile, code or target) ends like `advisor assess`: exit 2 and the field named."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    catalog = load_catalog()
    try:
        profile = load_profile(profile_path, code, catalog, stdin)
        target = parse_target(target_text, catalog)
    except ProfileError as exc:
        print(f"錯誤：{exc.field}：{exc.message}", file=stderr)
        if as_json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False), file=stdout)
        return EXIT_INVALID
    learning_plan = build_learning_plan(profile, target, catalog)
    if as_json:
        print(json.dumps(plan_to_dict(learning_plan), ensure_ascii=False, indent=2), file=stdout)
    else:
        print(render_plan(learning_plan, lang), file=stdout)
    return 0

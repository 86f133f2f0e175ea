"""Turn an assessment result into a concise Traditional Chinese report.

Why: the engine's JSON is the audit trail; people need a short reading of it. The renderer only
formats what the engine decided, so the CLI, the terminal chat and the Telegram bot all say the
same thing about the same result.
"""

from __future__ import annotations

from typing import Any

ROUTE_LABELS = {"certificate": "證照", "training": "受訓時數"}
POLICY_LABELS = {"either": "任一途徑達成即可", "both": "證照與受訓時數兩途徑皆需達成"}
MAX_SUGGESTIONS = 3


def _fmt(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def rule_lines(type_result: dict[str, Any]) -> list[str]:
    """判定依據: every rule evaluated for a type, with each condition's value and threshold."""
    lines = []
    for rule in type_result["rules"]:
        mark = "✅" if rule["met"] else "❌"
        conds = "；".join(
            f"{c['what']} {_fmt(c['value'])}/{_fmt(c['threshold'])} {c['unit']}{'✓' if c['met'] else '✗'}"
            for c in rule["conditions"]
        )
        lines.append(f"{mark} [{rule['id']}] {rule['level']}・{ROUTE_LABELS[rule['route']]}：{rule['rule']}（{conds}）")
    return lines


def gap_lines(type_result: dict[str, Any], max_suggestions: int = MAX_SUGGESTIONS) -> list[str]:
    """What is missing for the next level, per route, with certifications that would close it."""
    lines = []
    for gap in type_result["gaps"]:
        prefix = f"要達到「{gap['level']}」，{ROUTE_LABELS[gap['route']]}途徑"
        if gap["alternative"]:
            prefix += f"（{gap['rule']}）"
        lines.append(f"{prefix}：{gap['text']}")
        certs = gap["certifications"][:max_suggestions]
        if certs:
            names = "、".join(f"{c['name']}（{c['issuer']}）" for c in certs)
            more = f" 等 {len(gap['certifications'])} 張" if len(gap["certifications"]) > max_suggestions else ""
            lines.append(f"  可考慮：{names}{more}")
    return lines


def render_text(result: dict[str, Any], with_rules: bool = True) -> str:
    """The whole report as plain text (also what the bot sends, before HTML escaping)."""
    policy = POLICY_LABELS[result["policy"]]
    out = [f"AI 產業人才能力自我評估結果（指引版本 {result['guideline_version']}；判定方式：{policy}）", ""]
    for t in result["types"]:
        out.append(f"{t['number']}、{t['type']}：{t['level']}")
        if with_rules:
            out.extend(f"  {line}" for line in rule_lines(t))
        out.extend(f"  ➜ {line}" if not line.startswith("  ") else f"    {line.strip()}" for line in gap_lines(t))
        out.append("")
    out.append(result["summary"])
    out.append(f"出處：{result['source']}、附件(三) 表6")
    return "\n".join(out)

"""Turn an assessment result into a concise report, in Traditional Chinese or in English.

Why: the engine's JSON is the audit trail; people need a short reading of it. The renderer only
formats what the engine decided, so the CLI, the terminal chat and the Telegram bot all say the
same thing about the same result. The English report is built from the result's structured fields
(rule ids, measures, thresholds, values) with glosses from the data files (knowledge/english.py),
never by translating the engine's Chinese sentences; the guideline's terms stay in Chinese, glossed.
"""

from __future__ import annotations

from typing import Any, Literal

from knowledge import english as en

ROUTE_LABELS = {"certificate": "證照", "training": "受訓時數"}
POLICY_LABELS = {"either": "任一途徑達成即可", "both": "證照與受訓時數兩途徑皆需達成"}
MAX_SUGGESTIONS = 3
ReportLang = Literal["zh", "en"]


def _fmt(value: float | int) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _mark(met: bool) -> str:
    return "✓" if met else "✗"


def type_heading(type_result: dict[str, Any], lang: ReportLang = "zh") -> str:
    """「二、AI 工具應用：初階」, or "2. AI 工具應用 (AI Tool Application): 初階 (basic)"."""
    if lang == "en":
        number = en.type_number(type_result["number"])
        return f"{number}. {en.type_term(type_result['type'])}: {en.level_term(type_result['level'])}"
    return f"{type_result['number']}、{type_result['type']}：{type_result['level']}"


def _condition_en(cond: dict[str, Any]) -> str:
    """The measure, the value against the threshold: "AI 應用素養 (AI literacy) training 20/18 hours ✓"."""
    unit = en.unit_en(cond["measures"], cond["threshold"])
    label = en.measure_en(cond["measures"], plural=not unit)
    amounts = f"{_fmt(cond['value'])}/{_fmt(cond['threshold'])}" + (f" {unit}" if unit else "")
    return f"{label} {amounts} {_mark(cond['met'])}"


def rule_lines(type_result: dict[str, Any], lang: ReportLang = "zh") -> list[str]:
    """判定依據: every rule evaluated for a type, with each condition's value and threshold."""
    lines = []
    for rule in type_result["rules"]:
        mark = "✅" if rule["met"] else "❌"
        if lang == "en":
            conds = "; ".join(_condition_en(c) for c in rule["conditions"])
            head = f"{en.level_term(rule['level'])}, {en.route_en(rule['route'])}"
            lines.append(f"{mark} [{rule['id']}] {head}: {en.rule_term(rule['id'], rule['rule'])} — {conds}")
            continue
        conds = "；".join(
            f"{c['what']} {_fmt(c['value'])}/{_fmt(c['threshold'])} {c['unit']}{'✓' if c['met'] else '✗'}"
            for c in rule["conditions"]
        )
        lines.append(f"{mark} [{rule['id']}] {rule['level']}・{ROUTE_LABELS[rule['route']]}：{rule['rule']}（{conds}）")
    return lines


def missing_en(missing: dict[str, Any]) -> str:
    """One unmet condition of a gap in English numbers (the engine's `missing` entry, not its Chinese `text`)."""
    measures, short = missing["measures"], missing["shortfall"]
    now, needs = _fmt(missing["value"]), _fmt(missing["threshold"])
    amount = en.amount_en(measures, short)
    if measures == ["tool_max_item"]:
        return f"{amount} (now at most {now}, needs {needs})"
    if measures == ["tool_kinds"]:
        return f"{amount} (now {now}, needs at least {needs})"
    if measures == ["tool_domains"]:
        return f"{amount} (now {now} tool domain{'' if missing['value'] == 1 else 's'}, needs {needs})"
    if en.unit_en(measures):
        return f"{amount} (now {now}, needs {needs})"
    return amount  # a certificate count: "1 more project (專案類) certificate"


def gap_lines(
    type_result: dict[str, Any], max_suggestions: int = MAX_SUGGESTIONS, lang: ReportLang = "zh"
) -> list[str]:
    """What is missing for the next level, per route, with certifications that would close it."""
    lines = []
    for gap in type_result["gaps"]:
        if lang == "en":
            prefix = f"To reach {en.level_term(gap['level'])} by the {en.route_en(gap['route'])}"
            if gap["alternative"]:
                prefix += f" ({en.rule_term(gap['rule_id'], gap['rule'])})"
            lines.append(f"{prefix}: {'; '.join(missing_en(m) for m in gap['missing'])}")
        else:
            prefix = f"要達到「{gap['level']}」，{ROUTE_LABELS[gap['route']]}途徑"
            if gap["alternative"]:
                prefix += f"（{gap['rule']}）"
            lines.append(f"{prefix}：{gap['text']}")
        certs = gap["certifications"][:max_suggestions]
        if not certs:
            continue
        total = len(gap["certifications"])
        if lang == "en":
            more = f" ({total} in all)" if total > max_suggestions else ""
            lines.append(f"  Consider: {'; '.join(en.certificate_term(c) for c in certs)}{more}")
        else:
            names = "、".join(f"{c['name']}（{c['issuer']}）" for c in certs)
            more = f" 等 {total} 張" if total > max_suggestions else ""
            lines.append(f"  可考慮：{names}{more}")
    return lines


def summary_en(result: dict[str, Any]) -> str:
    """The English counterpart of the engine's `summary`, from `types` and `talent_categories`: the types
    reached with their levels, the talent categories met, and 三's note as the bridge between the two."""
    reached = [
        f"{en.type_term(t['type'])} at {en.level_term(t['level'])}" for t in result["types"] if t["level"] != "未達"
    ]
    parts = [f"Reached: {'; '.join(reached)}." if reached else "No competency type's reference indicators are met yet."]
    categories = result["talent_categories"]
    if categories:
        parts.append(f"Meets the competency reference indicators of {' and '.join(map(en.talent_term, categories))}.")
    else:
        application, development = (en.talent_term(c) for c in en.summary_talents())
        parts.append(f"Does not yet meet the competency reference indicators of {application} or {development}.")
    bridge = next((t for t in result["types"] if t["type"] == en.bridge_type()), None)
    if bridge is not None and bridge["level"] != "未達":
        application, development = (en.talent_term(c) for c in en.summary_talents())
        parts.append(
            f"{en.type_term(bridge['type'])} is {en.level_term(bridge['level'])}: "
            f"it is the competency that bridges {application} and {development}."
        )
    return " ".join(parts)


def render_text(result: dict[str, Any], with_rules: bool = True, lang: ReportLang = "zh") -> str:
    """The whole report as plain text (also what the bot sends, before HTML escaping)."""
    if lang == "en":
        policy = en.policy_en(result["policy"])
        out = [f"AI industry talent self-assessment result (guideline version {result['guideline_version']}; {policy})"]
    else:
        policy = POLICY_LABELS[result["policy"]]
        out = [f"AI 產業人才能力自我評估結果（指引版本 {result['guideline_version']}；判定方式：{policy}）"]
    out.append("")
    for t in result["types"]:
        out.append(type_heading(t, lang))
        if with_rules:
            out.extend(f"  {line}" for line in rule_lines(t, lang))
        gaps = gap_lines(t, lang=lang)
        out.extend(f"  ➜ {line}" if not line.startswith("  ") else f"    {line.strip()}" for line in gaps)
        out.append("")
    if lang == "en":
        out.append(summary_en(result))
        out.append(en.source_en(result["source"], en.certifications_source()))
    else:
        out.append(result["summary"])
        out.append(f"出處：{result['source']}、附件(三) 表6")
    return "\n".join(out)

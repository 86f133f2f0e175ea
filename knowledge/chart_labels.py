"""The words on a picture of a result, in both languages, shared by the PNG (knowledge/chart_png.py) and the
terminal bars (advisor/result_bars.py).

Why one place: the photo in Telegram and the bars in the terminal must read the same; the guideline's own
names (type names, levels, 附件(二) 表5) stay in Chinese in English too, with an English gloss after them,
so a reader can find them in the guideline.
"""

from __future__ import annotations

from typing import Literal

from knowledge.result_chart import ResultChart, RouteProgress, TypeBar

Lang = Literal["zh", "en"]

LEVEL_GLOSS = {"未達": "not reached", "初階": "basic", "進階": "advanced", "具備": "qualified"}
ROUTE_NAMES = {
    "certificate": {"zh": "證照途徑", "en": "certificate route"},
    "training": {"zh": "受訓時數途徑", "en": "training-hours route"},
}
POLICY_NAMES = {
    "either": {"zh": "任一途徑達成即可", "en": "either route is enough"},
    "both": {"zh": "證照與受訓時數兩途徑皆需達成", "en": "both routes are needed"},
}
TEXT: dict[str, dict[Lang, str]] = {
    "title": {
        "zh": "AI 產業人才能力自我評估（指引 {version}）",
        "en": "AI talent self-assessment (「AI 產業人才認定指引」 {version})",
    },
    "policy": {"zh": "判定方式：{policy}", "en": "Rule: {policy}"},
    "level": {"zh": "等級：{level}", "en": "Level: {level}"},
    "toward": {"zh": "→ {level}：{route}", "en": "→ {level}: {route}"},
    "top": {"zh": "已達最高等級", "en": "top of the ladder reached"},
    "legend_reached": {"zh": "已達等級", "en": "level reached"},
    "legend_open": {"zh": "尚未達到", "en": "not yet"},
    "legend_progress": {
        "zh": "進度：距下一級，各途徑最接近的規則",
        "en": "progress toward the next level: each route's closest rule",
    },
    "source": {"zh": "出處：附件(二) 表5", "en": "Source: 附件(二) 表5"},
}


def text(key: str, lang: Lang, **values: object) -> str:
    return TEXT[key][lang].format(**values)


def title(chart: ResultChart, lang: Lang) -> str:
    return text("title", lang, version=chart.guideline_version)


def policy_line(chart: ResultChart, lang: Lang) -> str:
    names = POLICY_NAMES.get(chart.policy)
    return text("policy", lang, policy=names[lang] if names else chart.policy)


def type_label(bar: TypeBar, lang: Lang) -> str:
    """「一、AI 應用素養」; in English the guideline's name with its gloss: "一 AI 應用素養 (AI Literacy)"."""
    return f"{bar.number}、{bar.type}" if lang == "zh" else f"{bar.number} {bar.type} ({bar.name_en})"


def level_name(level: str, lang: Lang) -> str:
    """A level of 表5 as the guideline names it; in English with a gloss: "初階 (basic)"."""
    gloss = LEVEL_GLOSS.get(level)
    return f"{level} ({gloss})" if lang == "en" and gloss else level


def route_name(route: str, lang: Lang) -> str:
    names = ROUTE_NAMES.get(route)
    return names[lang] if names else route


def route_label(bar: TypeBar, progress: RouteProgress, lang: Lang) -> str:
    """「→ 進階：證照途徑 T2-A-C1」: the level aimed at, the route, and the rule closest to being met."""
    level = level_name(bar.next_level or "", lang)
    return f"{text('toward', lang, level=level, route=route_name(progress.route, lang))} {progress.rule_id}"


def percent(fraction: float) -> str:
    """A fraction 0–1 as a whole percentage, never shown as 100% before it is met."""
    value = max(0.0, min(1.0, fraction))
    whole = int(value * 100 + 0.5)
    return f"{99 if whole == 100 and value < 1 else whole}%"

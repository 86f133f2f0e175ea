"""Chinese numerals as people type them: 「十八」→18, 「二十四」→24, 「一百零五」→105, 「十二點五」→12.5.

Why in the domain: hours typed in the guided assessment and hours stated in a question are read the
same way.
"""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "萬": 10000, "万": 10000}


def _chinese_integer(text: str) -> int | None:
    """「十八」→18, 「二十四」→24, 「一百零五」→105; None when `text` is not a Chinese numeral."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
    return total + section + (digit or 0)


def chinese_number(text: str) -> float | None:
    whole, sep, frac = text.partition("點")
    if not sep:
        whole, sep, frac = text.partition("点")
    value = _chinese_integer(whole)
    if value is None:
        return None
    if sep:
        if not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return float(f"{value}.{''.join(str(_DIGITS[ch]) for ch in frac)}")
    return float(value)


_EN_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
_EN_ONES += "seventeen eighteen nineteen"
EN_ONES = {w: i for i, w in enumerate(_EN_ONES.split())}
EN_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
# "twenty-six hours", "forty one hours", "eighteen hrs": English number words before an hour unit
EN_HOURS = re.compile(
    r"\b(?:(?P<tens>" + "|".join(EN_TENS) + r")(?:[\s-]+(?P<unit>" + "|".join(list(EN_ONES)[1:10]) + r"))?"
    r"|(?P<ones>" + "|".join(EN_ONES) + r"))\b(?P<half>\s+and\s+a\s+half)?"
    r"(?=[\s-]+(?:more\s+|additional\s+|extra\s+)?(?:hours?|hrs?)\b)",
    re.IGNORECASE,
)
# "12 and a half hours": digits and a half
DIGIT_HALF = re.compile(r"\b(\d+)\s+and\s+a\s+half(?=\s+(?:more\s+)?(?:hours?|hrs?)\b)", re.IGNORECASE)


def english_hours_as_digits(text: str) -> str:
    """「twenty-six hours」 → 「26 hours」: hours written in words are read as the digits people also type
    (only before an hour unit, so "one of them" or "the second one" stay words)."""

    def value(m: re.Match[str]) -> str:
        if m.group("ones"):
            number = float(EN_ONES[m.group("ones").lower()])
        else:
            number = EN_TENS[m.group("tens").lower()] + (EN_ONES[m.group("unit").lower()] if m.group("unit") else 0.0)
        return f"{number + (0.5 if m.group('half') else 0):g}"  # ("twelve and a half hours": 12.5)

    return EN_HOURS.sub(value, DIGIT_HALF.sub(lambda m: f"{m.group(1)}.5", text))


# 「素養課二十小時」「十二個半小時」: a Chinese numeral right before an hour unit
ZH_HOURS = re.compile(
    r"(?P<n>[零〇一二兩两三四五六七八九十百]+(?:[點点][零〇一二三四五六七八九]+)?)(?=\s*[個个]?\s*(?:小時|小时|鐘頭|钟头))"
)


def chinese_hours_as_digits(text: str) -> str:
    """「上過素養課二十小時」 → 「上過素養課20小時」: hours in Chinese numerals read as the digits people also type
    (only before an hour unit: 「第二個」「一張」 stay words)."""

    def value(m: re.Match[str]) -> str:
        number = chinese_number(m.group("n"))
        return m.group(0) if number is None else f"{number:g}"

    return ZH_HOURS.sub(value, text)

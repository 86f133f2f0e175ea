"""Reading training hours the way people type them: 「18」「18小時」「十八小時」「1.5」「12.5 hr」「１８」.

Why: the guided assessment asks for hours in free text as well as buttons; a clear correction for
anything that is not a usable number keeps the dialogue where it was instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata

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
_UNIT_WORDS = re.compile(r"(個|个)?(小時|小时|鐘頭|钟头|hours?|hrs?|h)\.?$", re.IGNORECASE)


class HoursInputError(ValueError):
    """Text that is not a usable number of hours; `reason` is one of: empty, not_number, negative, too_large."""

    def __init__(self, reason: str, text: str) -> None:
        self.reason, self.text = reason, text
        super().__init__(f"{reason}: {text!r}")


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


def parse_hours(text: str, max_hours: float) -> float:
    """The number of hours in `text`, or HoursInputError saying why it cannot be used."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if not cleaned:
        raise HoursInputError("empty", text)
    cleaned = _UNIT_WORDS.sub("", cleaned).strip()
    cleaned = re.sub(r"^(約|大約|大概|about|around)\s*", "", cleaned, flags=re.IGNORECASE)
    if re.fullmatch(r"[-−]\s*\d+(\.\d+)?", cleaned):
        raise HoursInputError("negative", text)
    if re.fullmatch(r"\d+(\.\d+)?|\.\d+", cleaned):
        value = float(cleaned)
    else:
        chinese = chinese_number(cleaned)
        if chinese is None:
            raise HoursInputError("not_number", text)
        value = chinese
    if value > max_hours:
        raise HoursInputError("too_large", text)
    return value

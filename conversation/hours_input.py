"""Reading training hours the way people type them: 「18」「18小時」「十八小時」「1.5」「12.5 hr」「１８」.

Why: the guided assessment asks for hours in free text as well as buttons; a clear correction for
anything that is not a usable number keeps the dialogue where it was instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.numerals import chinese_number

_UNIT_WORDS = re.compile(r"(個|个)?(小時|小时|鐘頭|钟头|hours?|hrs?|h)\.?$", re.IGNORECASE)


class HoursInputError(ValueError):
    """Text that is not a usable number of hours; `reason` is one of: empty, not_number, negative, too_large."""

    def __init__(self, reason: str, text: str) -> None:
        self.reason, self.text = reason, text
        super().__init__(f"{reason}: {text!r}")


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

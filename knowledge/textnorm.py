"""Normalisation for matching names people type against catalog names.

Why: users type 「ＡＷＳ」 for 「AWS」, drop or add spaces, and use different dashes; a name lookup
must treat all those as the same name without touching the stored, printed names.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_IGNORED = re.compile(r"[\s*·・_]+")


def match_key(text: str) -> str:
    """A key that is equal for names differing only in width, case, spaces or dash style."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = _IGNORED.sub("", text)
    return text.casefold()

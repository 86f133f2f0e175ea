"""Typos in English words ("categroy", "certifcate", "trainng") corrected against the advisor's own vocabulary.

Why: English users type fast; one slipped letter in a domain word made the intent or the name
unreadable, and the question was declined or answered with the wrong card. A correction always lands
on a word some rule reads (the guideline, catalog names, thesaurus keys, intent and scope patterns),
and a word is changed only when it is neither one of those nor an English word (pyspellchecker's
frequency list, read lazily: "employee" is never turned into "employer") and exactly one known word
is one edit away.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import re
from collections.abc import Iterable
from functools import lru_cache

WORD = re.compile(r"(?<![a-z0-9])[a-z]{5,}(?![a-z0-9])")
MIN_LENGTH = 5  # shorter words have too many neighbours one edit away to correct safely
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The English word list shipped with pyspellchecker (160k words; read once, on the first unknown word)."""
    data = (importlib.resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    return frozenset(json.loads(gzip.decompress(data)))


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return deletes | transposes | replaces | inserts


class Speller:
    """Built once from the known words; `correct` rewrites only unknown words with one clear candidate."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.known = frozenset(w for w in vocabulary if w.isascii() and w.isalpha())
        self.targets = frozenset(w for w in self.known if len(w) >= MIN_LENGTH - 1)

    def suggestion(self, word: str) -> str | None:
        if len(word) < MIN_LENGTH or word in self.known or word in english_words():
            return None
        candidates = _edits1(word) & self.targets
        return next(iter(candidates)) if len(candidates) == 1 else None

    def corrections(self, text: str) -> dict[str, str]:
        """The unknown English words of `text` (normalised, lower case) that one known word replaces."""
        return {w: fix for w in set(WORD.findall(text)) if (fix := self.suggestion(w))}

    def correct(self, text: str, corrections: dict[str, str] | None = None) -> str:
        fixes = self.corrections(text) if corrections is None else corrections
        return WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), text) if fixes else text


def pattern_words(sources: Iterable[str]) -> set[str]:
    """The plain English words written in regex sources: they are words some rule reads."""
    return {w for s in sources for w in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", s).lower())}

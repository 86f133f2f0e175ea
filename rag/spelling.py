"""Typos in English words ("categroy", "certifcate", "trainng") and in the guideline's Chinese terms
(「模型訓連」, a homophone typed for 「模型訓練」) corrected against the advisor's own vocabulary.

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
# no word of the advisor's vocabulary is longer; a longer run of letters is no typo of one, and its
# one-edit neighbours grow with its length (a 10,000-letter message took 17 s to look up)
MAX_LENGTH = 30
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


CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
MIN_TERM = 4  # a Chinese term this long has one character to spare: 「模型訓連」 cannot be another word


class Speller:
    """Built once from the known words; `correct` rewrites only unknown words with one clear candidate.
    Chinese terms (competency types and items, talent categories) are corrected when one character of
    a term was mistyped (a homophone from the input method) and no other term fits."""

    def __init__(self, vocabulary: Iterable[str], terms: Iterable[str] = (), written: str = "") -> None:
        self.known = frozenset(w for w in vocabulary if w.isascii() and w.isalpha())
        self.targets = frozenset(w for w in self.known if len(w) >= MIN_LENGTH - 1)
        self.terms = frozenset(t for t in terms if len(t) >= MIN_TERM and CJK_RUN.fullmatch(t))
        self.term_lengths = sorted({len(t) for t in self.terms}, reverse=True)
        by_gap: dict[str, set[str]] = {}
        for t in self.terms:
            for i in range(len(t)):
                by_gap.setdefault(t[:i] + "?" + t[i + 1 :], set()).add(t)
        self.by_gap = by_gap
        self.written = written  # the guideline's own text: what it writes is a word, never a typo

    def _term_fix(self, window: str) -> str | None:
        """The one term `window` misses by one character (never the first: 「開發人才」 and 「研發人才」
        differ in what they say), else None."""
        found = {t for i in range(1, len(window)) for t in self.by_gap.get(window[:i] + "?" + window[i + 1 :], ())}
        return found.pop() if len(found) == 1 else None

    def correct_terms(self, text: str) -> str:
        """「模型訓連要幾小時」 → 「模型訓練要幾小時」: windows of Chinese runs one character off a term."""
        if not self.terms:
            return text

        def fix_run(m: re.Match[str]) -> str:
            run, i = m.group(0), 0
            out = []
            while i < len(run):
                for n in self.term_lengths:
                    window = run[i : i + n]
                    if len(window) < n:
                        continue
                    fix = self._term_fix(window)  # cheap: a few look-ups; the checks below only for a candidate
                    if fix and (
                        window in self.written or any(t in run for t in self.terms if window in t or t in window)
                    ):
                        continue  # a word the guideline writes, or a term written right here
                    if fix:
                        out.append(fix)
                        i += n
                        break
                else:
                    out.append(run[i])
                    i += 1
            return "".join(out)

        return CJK_RUN.sub(fix_run, text)

    def suggestion(self, word: str) -> str | None:
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH or word in self.known or word in english_words():
            return None
        candidates = _edits1(word) & self.targets
        return next(iter(candidates)) if len(candidates) == 1 else None

    def corrections(self, text: str) -> dict[str, str]:
        """The unknown English words of `text` (normalised, lower case) that one known word replaces."""
        return {w: fix for w in set(WORD.findall(text)) if (fix := self.suggestion(w))}

    def correct(self, text: str, corrections: dict[str, str] | None = None) -> str:
        fixes = self.corrections(text) if corrections is None else corrections
        text = self.correct_terms(text)
        return WORD.sub(lambda m: fixes.get(m.group(0), m.group(0)), text) if fixes else text


def pattern_words(sources: Iterable[str]) -> set[str]:
    """The plain English words written in regex sources: they are words some rule reads."""
    return {w for s in sources for w in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", s).lower())}

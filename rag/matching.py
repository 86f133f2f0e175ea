"""Matching many keys in a question at once, longest first and without overlaps.

Why: scanning the question once per catalog name or thesaurus key cost ~15 ms per question; one
alternation per script keeps query understanding well under a millisecond.
"""

from __future__ import annotations

import re

from knowledge.textnorm import match_key


def inflections(phrase: str) -> set[str]:
    """Regular English inflections of a phrase's last word (hallucination → hallucinates, risk → risks).

    Why: the thesaurus lists one form per concept; people write "hallucinates", "certifications",
    "trained". Generating the regular forms keeps the data file small and the matching general."""
    head, _, word = phrase.rpartition(" ")
    if not word.isalpha() or len(word) < 3:
        return set()
    stems = {word}
    if word.endswith("ation"):
        stems.add(word[:-5] + "ate")
    if word.endswith("ing") and len(word) > 5:
        stems.update({word[:-3], word[:-3] + "e"})
    if word.endswith("e"):
        stems.add(word[:-1])
    forms: set[str] = set()
    for stem in stems:
        forms.update({stem, stem + "s", stem + "es", stem + "ed", stem + "ing", stem + "d"})
        if stem.endswith("y"):
            forms.update({stem[:-1] + "ies", stem[:-1] + "ied"})
    prefix = f"{head} " if head else ""
    return {prefix + f for f in forms if f != word and len(f) >= 3}


class KeyMatcher:
    """All occurrences of many keys in one pass over the question (longest key first at each position).

    Why: scanning the question once per catalog name or thesaurus key cost ~15 ms per question, and one
    huge regex alternation cost ~0.9 s to compile at every start; set look-ups by key length do the
    same in well under a millisecond and build instantly."""

    def __init__(self, keys: list[str], latin: bool) -> None:
        self.keys = set(keys)
        self.latin = latin
        # the key lengths worth trying at a position, by the character there: most characters begin
        # no key at all, and those that do begin keys of a few lengths, not of all ~60
        by_first: dict[str, set[int]] = {}
        for key in filter(None, self.keys):
            by_first.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(lengths, reverse=True) for first, lengths in by_first.items()}

    def _longest_at(self, text: str, i: int) -> str | None:
        for length in self.lengths.get(text[i], ()):
            candidate = text[i : i + length]
            if len(candidate) == length and candidate in self.keys:
                if self.latin and i + length < len(text) and _WORD.match(text[i + length]):
                    continue  # a Latin key must end at a word boundary
                return candidate
        return None

    def find(self, text: str, squashed: str, positions: dict[int, int]) -> list[tuple[int, int, str]]:
        """(start, end, key) spans in squashed coordinates."""
        if not self.keys:
            return []
        out: list[tuple[int, int, str]] = []
        if self.latin:
            for i in range(len(text)):
                if i > 0 and _WORD.match(text[i - 1]) or i not in positions:
                    continue
                key = self._longest_at(text, i)
                if key is not None:
                    start = positions[i]
                    out.append((start, start + len(match_key(key)), key))
        else:
            for i in range(len(squashed)):
                key = self._longest_at(squashed, i)
                if key is not None:
                    out.append((i, i + len(key), key))
        return out


def greedy_spans(spans: list[tuple[int, int, str]], taken: list[bool]) -> list[tuple[int, int, str]]:
    """Longest spans first, never overlapping each other or already-taken positions."""
    chosen = []
    for start, end, key in sorted(spans, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        chosen.append((start, end, key))
    return chosen


_SKIP = re.compile(r"[\s*·・_]")
_WORD = re.compile(r"[a-z0-9]")
_DASH = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")


def squash(text: str) -> tuple[str, dict[int, int]]:
    """`text` keyed like `match_key` (no spaces, one dash style), and original → squashed indexes."""
    chars: list[str] = []
    index: dict[int, int] = {}
    for i, ch in enumerate(text):
        if _SKIP.match(ch):
            continue
        index[i] = len(chars)
        chars.append(_DASH.sub("-", ch).casefold())
    return "".join(chars), index

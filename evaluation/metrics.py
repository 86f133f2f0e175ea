"""Scoring functions for the evaluation set: pure, no I/O, no engine imports.

Why a separate module: the runner, the report and the unit tests all need the same definitions of
"a fact is present", "a source hits" and "a question passes"; keeping them pure makes every metric
testable on hand-made inputs without loading an index or a model.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

Fact = str | Sequence[str]

# Every dash-like code point NFKC leaves alone; answers phrased by an LLM use them interchangeably.
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_WHITESPACE = re.compile(r"\s+")
# OpenCC config names differ between packagings: the official wheel accepts both, older ones only ".json".
_OPENCC_CONFIGS = ("s2twp", "s2twp.json")


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The Simplified→Traditional (Taiwan, with phrases) converter, built once on first use.

    Why lazy: building it reads dictionary files, which the import of this module should not pay for.
    """
    import opencc

    errors: list[str] = []
    for config in _OPENCC_CONFIGS:
        try:
            return opencc.OpenCC(config)
        except Exception as exc:  # the packagings raise different types for an unknown config
            errors.append(f"{config}: {exc}")
    raise RuntimeError("no usable OpenCC s2twp configuration: " + "; ".join(errors))


def normalise_for_match(text: str) -> str:
    """A key under which texts differing only in width, case, spacing, dash style or script are equal.

    Why: a zh-CN question may be answered in Simplified, a fact may be written with half-width
    letters while the answer uses full-width ones, and line wrapping inserts spaces anywhere.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _converter().convert(text)
    text = _DASHES.sub("-", text)
    text = text.casefold()
    return _WHITESPACE.sub("", text)


def fact_alternatives(fact: Fact) -> list[str]:
    """The alternative spellings of one fact (a plain string is a single alternative)."""
    if isinstance(fact, str):
        return [fact]
    return list(fact)


def fact_present(fact: Fact, answer: str) -> bool:
    """True when any alternative of `fact` occurs in `answer` after normalisation.

    An empty fact (or an alternative that normalises to nothing) is rejected rather than counted as
    present, because an empty substring would let every answer pass silently.
    """
    alternatives = fact_alternatives(fact)
    if not alternatives:
        raise ValueError("a fact needs at least one alternative")
    haystack = normalise_for_match(answer)
    for alternative in alternatives:
        needle = normalise_for_match(alternative)
        if not needle:
            raise ValueError(f"empty fact alternative: {alternative!r}")
        if needle in haystack:
            return True
    return False


def missing_facts(facts: Sequence[Fact], answer: str) -> list[Fact]:
    """The facts of `facts` that `answer` does not contain, in gold order."""
    return [fact for fact in facts if not fact_present(fact, answer)]


def fact_coverage(facts: Sequence[Fact], answer: str) -> float:
    """The share of `facts` present in `answer`; 1.0 when there is nothing to cover."""
    if not facts:
        return 1.0
    return (len(facts) - len(missing_facts(facts, answer))) / len(facts)


def _normalise_label(label: str) -> str:
    """Section labels compare ignoring width ("附件（三）"), case and runs of spaces."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", label)).strip().casefold()


def section_matches(section: str, expected: str) -> bool:
    """True when `section` starts with `expected`.

    A prefix ending in a digit must not run on into another digit, so "表1" does not hit "表10".
    """
    label, prefix = _normalise_label(section), _normalise_label(expected)
    if not prefix or not label.startswith(prefix):
        return False
    rest = label[len(prefix) :]
    return not (prefix[-1].isdigit() and rest[:1].isdigit())


def first_hit_rank(sources_sections: Sequence[str], expected: Sequence[str]) -> int | None:
    """The 1-based rank of the first retrieved section matching any expected prefix, else None."""
    for rank, section in enumerate(sources_sections, start=1):
        if any(section_matches(section, prefix) for prefix in expected):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> bool:
    """True when a hit was found within the top `k` sources."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    return rank is not None and rank <= k


def mrr(ranks: Sequence[int | None]) -> float:
    """Mean reciprocal rank; a miss (None) scores 0 and an empty list gives 0.0."""
    if not ranks:
        return 0.0
    return sum(1.0 / rank for rank in ranks if rank is not None) / len(ranks)


def percentile(values: Sequence[float], p: float) -> float:
    """The nearest-rank percentile: always one of `values`, so it is deterministic and unit-preserving.

    p=0 gives the minimum, p=100 the maximum. Raises ValueError on an empty sequence or p outside 0..100.
    """
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0..100, got {p}")
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def decline_scores(items: Iterable[Mapping[str, Any]]) -> tuple[float, float]:
    """Precision and recall of declining, where the positive class is "declined" (answered is False).

    Each item needs `answerable` (gold) and `answered` (the advisor's output); an unanswerable
    question is a true decline. Vacuous cases score 1.0: precision when nothing was declined (no
    wrong decline was made), recall when no question should have been declined (nothing was missed).
    """
    true_pos = false_pos = false_neg = 0
    for item in items:
        declined = item.get("answered") is not True
        should_decline = not item["answerable"]
        if declined and should_decline:
            true_pos += 1
        elif declined:
            false_pos += 1
        elif should_decline:
            false_neg += 1
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    return precision, recall


def question_passes(item: Mapping[str, Any], answer_dict: Mapping[str, Any]) -> bool:
    """Whether one advisor answer is correct for one gold item.

    Answerable: answered is True and every fact is present in the answer text. Unanswerable:
    answered is False (the advisor must say it does not know rather than invent).
    """
    answered = answer_dict.get("answered") is True
    if not item["answerable"]:
        return not answered
    if not answered:
        return False
    answer = answer_dict.get("answer") or ""
    return all(fact_present(fact, answer) for fact in item["facts"])

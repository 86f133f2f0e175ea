"""The lexical leg: BM25 over Chinese character bigrams and English words.

Why: exact terms (certification names, table labels) need an exact leg beside the embeddings, it is
the whole retrieval when the dense leg is off, and measured on this guideline, BM25 over character
bigrams beat word segmentation. The index is tiny (a few hundred chunks), so a small
inverted index answers in well under a millisecond and needs neither torch nor Chroma.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rag.textnorm import normalise

_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9][a-z0-9+#.]*")
UNKNOWN_TERM_SHARE = 0.3
EN_STOPWORDS = frozenset(
    "a an the of for to in on at by with and or is are was were be been do does did what which who whom whose "
    "how why when where can could should would will i me my we our you your it its this that these those there "
    "as from about into than then so if not no any some all get got have has had need needs want wants".split()
)


def tokens(text: str, normalised: bool = False) -> list[str]:
    """Character bigrams for CJK runs (a lone character stays a unigram) and words for Latin runs."""
    text = text if normalised else normalise(text)
    out: list[str] = []
    for run in _RUNS.findall(text):
        if run[0].isascii():
            word = run.rstrip(".")
            if word and word not in EN_STOPWORDS:
                out.append(word)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


@dataclass(frozen=True)
class LexicalHit:
    index: int
    score: float
    coverage: float  # share of the query's information (idf mass) this document contains


class BM25Index:
    """Okapi BM25 with an inverted index; documents are given already as index texts."""

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.5) -> None:
        self.k1, self.b = k1, b
        self.doc_tokens = [Counter(tokens(d)) for d in documents]
        self.lengths = [sum(c.values()) for c in self.doc_tokens]
        self.avg_len = sum(self.lengths) / max(1, len(self.lengths))
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, counts in enumerate(self.doc_tokens):
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        n = len(documents)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)

    def search(
        self, query_terms: Sequence[str], limit: int = 10, weights: dict[str, float] | None = None
    ) -> list[LexicalHit]:
        """Top documents for already-tokenised query terms (duplicates count once; weights scale terms)."""
        weights = weights or {}
        terms = list(dict.fromkeys(query_terms))
        scores: dict[int, float] = defaultdict(float)
        for term in terms:
            idf = self.idf.get(term)
            if idf is None:
                continue
            w = weights.get(term, 1.0)
            for doc, tf in self.postings[term]:
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.avg_len)
                scores[doc] += w * idf * tf * (self.k1 + 1) / norm
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [LexicalHit(doc, score, self.coverage(terms, doc, weights)) for doc, score in ranked]

    def text_coverage(self, terms: Sequence[str], text: str, weights: dict[str, float] | None = None) -> float:
        """`coverage` for any text (e.g. a composed catalog answer), with the index's idf."""
        present = set(tokens(text))
        return self._coverage(terms, present, weights)

    def coverage(self, terms: Sequence[str], doc: int, weights: dict[str, float] | None = None) -> float:
        return self._coverage(terms, self.doc_tokens[doc], weights)

    def _coverage(self, terms: Sequence[str], present: object, weights: dict[str, float] | None) -> float:
        """Share of the query's idf mass found in `doc`; terms absent from the guideline count a little."""
        weights = weights or {}
        total = found = 0.0
        for term in dict.fromkeys(terms):
            w = weights.get(term, 1.0)
            idf = self.idf.get(term)
            if idf is None:  # not in the guideline at all: weak evidence either way
                total += w * UNKNOWN_TERM_SHARE * self.max_idf
                continue
            total += w * idf
            if term in present:  # type: ignore[operator]
                found += w * idf
        return found / total if total else 0.0

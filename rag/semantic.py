"""What the multilingual embedding model decides where keywords fail: whether a question is about the
guideline at all.

Why: a question that names nothing of the guideline and matches no intent (「颱風天公司可以叫我上班嗎」)
used to reach BM25, which quotes whatever shares a few characters with it. The embedding model
reads meaning across wording and languages: the question is compared with the guideline's own
passages and example questions (in scope) and with example questions of kinds the guideline does
not cover (`rag/data/semantic_prototypes.yaml`); the nearer side wins, by a margin that is a
documented setting. Vectors of the prototypes are computed once per model and cached on disk.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from knowledge.yamlfile import load_yaml

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

DATA = Path(__file__).resolve().parent / "data" / "semantic_prototypes.yaml"


@dataclass(frozen=True)
class ScopeVerdict:
    in_scope: bool
    inside: float  # best similarity to a guideline passage or in-scope example
    outside: float  # best similarity to an out-of-scope example
    nearest_kind: str  # the out-of-scope kind nearest to the question

    def describe(self) -> str:
        return f"inside {self.inside:.3f} vs outside {self.outside:.3f} ({self.nearest_kind})"


class SemanticReader:
    def __init__(
        self,
        embeddings: Embeddings,
        passage_vectors: np.ndarray,
        cache_dir: Path,
        model_key: str,
        margin: float,
    ) -> None:
        self.embeddings = embeddings
        self.margin = margin
        spec = load_yaml(DATA.read_text(encoding="utf-8"))
        inside = [str(x) for x in spec["in_scope"]]
        outside = [(kind, str(x)) for kind, examples in spec["out_of_scope"].items() for x in examples]
        self.kinds = [kind for kind, _ in outside]
        vectors = self._prototype_vectors(inside + [x for _, x in outside], cache_dir, model_key)
        self.inside = (
            np.vstack([passage_vectors, vectors[: len(inside)]]) if len(passage_vectors) else vectors[: len(inside)]
        )
        self.outside = vectors[len(inside) :]
        self._candidates: dict[tuple[str, ...], np.ndarray] = {}  # `closest`'s passages, embedded once

    def _prototype_vectors(self, texts: list[str], cache_dir: Path, model_key: str) -> np.ndarray:
        key = hashlib.sha256(json.dumps([model_key, texts], ensure_ascii=False).encode()).hexdigest()[:16]
        path = cache_dir / f"semantic-prototypes-{key}.npy"
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(texts):
                return vectors
        except (OSError, ValueError):
            pass
        batch = getattr(self.embeddings, "embed_query_batch", None)  # one engine call where the runtime has it
        raw = batch(texts) if batch else [self.embeddings.embed_query(t) for t in texts]
        vectors = _normalised(np.asarray(raw, dtype=np.float32))
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
        except OSError:
            pass  # a read-only data directory only costs the embedding time at the next start
        return vectors

    def scope(self, text: str) -> ScopeVerdict:
        v = _normalised(np.asarray([self.embeddings.embed_query(text)], dtype=np.float32))[0]
        inside = float(np.max(self.inside @ v))
        sims = self.outside @ v
        best = int(np.argmax(sims))
        outside = float(sims[best])
        return ScopeVerdict(outside < inside + self.margin, inside, outside, self.kinds[best])

    def closest(self, text: str, candidates: list[str]) -> tuple[int, float]:
        """The candidate passage nearest in meaning to `text` and its lead over the runner-up: 「AI 寫的
        徵才文案引用了錯的法條」 is nearest the 資訊判斷 passage. Candidate vectors are computed once."""
        key = tuple(candidates)
        vectors = self._candidates.get(key)
        if vectors is None:
            vectors = _normalised(np.asarray(self.embeddings.embed_documents(candidates), dtype=np.float32))
            self._candidates[key] = vectors
        v = _normalised(np.asarray([self.embeddings.embed_query(text)], dtype=np.float32))[0]
        sims = vectors @ v
        order = np.argsort(-sims)
        lead = float(sims[order[0]] - sims[order[1]]) if len(order) > 1 else float(sims[order[0]])
        return int(order[0]), lead


def _normalised(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)

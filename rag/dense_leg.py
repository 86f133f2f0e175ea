"""The dense leg (the Chroma store and the semantic reader over its vectors), opened on first use.

Why: importing chromadb and opening the store is most of a cold start (about 0.9 s of 1.3–1.9 s for
`advisor ask`), yet most answers never need it: catalog views and queries, the engine over stated
facts and keyword declines answer without an embedding. So the store is opened, and its manifest
checked against the settings, the first time a retrieval or the semantic scope reading needs it;
the bot and the terminal chat open it in the background as they start (`warm`), so their first user
does not wait. Answers run in worker threads, hence the lock: the store is opened exactly once.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor.settings import Settings
    from rag.chunking import Chunk
    from rag.semantic import ScopeVerdict, SemanticReader
    from rag.store import Manifest

log = logging.getLogger(__name__)


class DenseLeg:
    """Opens `open_dense_store` once, on demand; `store` and `reader` are None when, once opened, the
    dense leg turns out unusable (the index was rebuilt for a model that cannot read the guideline)."""

    def __init__(self, settings: Settings, manifest: Manifest, chunks: list[Chunk], margin: float) -> None:
        self._settings, self._manifest, self._chunks, self._margin = settings, manifest, chunks, margin
        self._lock = threading.Lock()
        self._opened = False
        self._store: Any = None
        self._reader: SemanticReader | None = None

    def warm(self) -> None:
        """Open now (a background thread at start-up); later callers wait for it instead of opening twice."""
        self._open()

    def warm_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self._logged_warm, name="dense-leg-warm", daemon=True)
        thread.start()
        return thread

    @property
    def store(self) -> Any:  # noqa: ANN401 - langchain_chroma.Chroma, imported only when opened
        self._open()
        return self._store

    @property
    def reader(self) -> SemanticReader | None:
        self._open()
        return self._reader

    def scope(self, text: str) -> ScopeVerdict:
        """The semantic reader's verdict; in scope (nothing to decline on) when the leg is unusable."""
        try:
            reader = self.reader
        except Exception:  # noqa: BLE001 - a store that cannot open (a `chroma run` server down) decides nothing
            log.exception("the dense leg could not be opened; the semantic scope reading is skipped")
            reader = None
        if reader is None:
            from rag.semantic import ScopeVerdict

            return ScopeVerdict(True, 0.0, 0.0, "")
        return reader.scope(text)

    def closest(self, text: str, candidates: list[str]) -> tuple[int, float]:
        """The semantic reader's nearest candidate and its lead; no lead (nothing chosen) when unusable."""
        try:
            reader = self.reader
        except Exception:  # noqa: BLE001 - as `scope`: a store that cannot open decides nothing
            log.exception("the dense leg could not be opened; the nearest passage is not chosen")
            reader = None
        return reader.closest(text, candidates) if reader is not None else (0, 0.0)

    def _logged_warm(self) -> None:
        try:
            self._open()
        except Exception:  # noqa: BLE001 - the first real use reports it again, with its own handling
            log.exception("opening the dense leg in the background failed")

    def _open(self) -> None:
        if self._opened:
            return
        with self._lock:
            if self._opened:
                return
            from rag.ingest import open_dense_store

            # checks the collection against the settings: a query never meets another model's vectors
            manifest, store = open_dense_store(self._settings, self._manifest)
            reader = None
            if store is not None and self._settings.semantic_scope:
                reader = _semantic_reader(self._settings, manifest, store, self._chunks, self._margin)
            self._store, self._reader = store, reader
            self._opened = True


def _semantic_reader(settings: Settings, manifest: Manifest, store: Any, chunks: list[Chunk], margin: float) -> Any:
    """The embedding model's reading of whether a question is about the guideline at all, over the
    passages' own vectors (read back from Chroma, so nothing is embedded twice)."""
    import numpy as np

    from rag.semantic import SemanticReader

    got = store.get(include=["embeddings"])
    by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
    vectors = np.asarray([by_id[c.id] for c in chunks if c.id in by_id], dtype=np.float32)
    key = f"{manifest.model}|{manifest.runtime}"
    return SemanticReader(store.embeddings, vectors, settings.data_dir, key, margin=margin)

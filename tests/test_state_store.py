"""Dialogue state in SQLite and in the PostgreSQL server these machines run: restarts, concurrent
writers, duplicate deliveries, /forget."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from conversation.state_store import Duplicate, StateStore

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'state.sqlite3'}"
        return
    schema = f"advisor_test_{secrets.token_hex(4)}"
    admin = create_engine(PG_ADMIN_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def add_step(state: dict | None, name: str) -> tuple[dict, dict[str, int], list[str]]:
    steps = [*(state or {}).get("steps", []), name]
    return {"steps": steps}, {"questions": 1}, steps


def test_state_survives_a_new_store_instance(db_url: str) -> None:
    first = StateStore(db_url)
    first.transact(7, 100, lambda s: add_step(s, "a"))
    first.close()
    second = StateStore(db_url)  # as after a restart or kill -9
    assert second.transact(7, 101, lambda s: add_step(s, "b")) == ["a", "b"]
    assert second.stats() == {"users": 1, "questions": 2, "assessments": 0}
    second.close()


def test_duplicate_update_is_processed_once(db_url: str) -> None:
    store = StateStore(db_url)
    store.transact(7, 5, lambda s: add_step(s, "a"))
    with pytest.raises(Duplicate):
        store.transact(7, 5, lambda s: add_step(s, "a"))
    assert store.load(7) == {"steps": ["a"]}
    store.close()


def test_two_stores_alternating_lose_and_repeat_nothing(db_url: str) -> None:
    stores = [StateStore(db_url), StateStore(db_url)]
    for i in range(10):
        stores[i % 2].transact(9, 1000 + i, lambda s, i=i: add_step(s, f"s{i}"))
    assert stores[0].load(9) == {"steps": [f"s{i}" for i in range(10)]}
    for store in stores:
        store.close()


def test_concurrent_writers_never_lose_an_update(db_url: str) -> None:
    stores = [StateStore(db_url) for _ in range(4)]
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for j in range(10):
                stores[n].transact(11, n * 100 + j, lambda s, n=n, j=j: add_step(s, f"{n}-{j}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    steps = stores[0].load(11)["steps"]
    assert sorted(steps) == sorted(f"{n}-{j}" for n in range(4) for j in range(10))
    assert stores[0].stats()["questions"] == 40
    for store in stores:
        store.close()


def test_forget_deletes_the_user(db_url: str) -> None:
    store = StateStore(db_url)
    store.transact(3, None, lambda s: add_step(s, "a"))
    store.transact(3, None, lambda s: (None, {}, None))
    assert store.load(3) is None and store.stats()["users"] == 0
    store.close()


def test_stats_can_be_read_inside_a_transaction(db_url: str) -> None:
    """/stats is answered from inside a step: reading must not wait for the step's own write lock."""
    store = StateStore(db_url)
    store.transact(1, None, lambda s: add_step(s, "a"))
    seen = store.transact(2, None, lambda s: ({"x": 1}, {}, store.stats()))
    assert seen["users"] == 1 and seen["questions"] == 1
    store.close()


def test_a_database_from_before_migrations_is_upgraded_keeping_the_states(db_url: str) -> None:
    from sqlalchemy import inspect

    engine = create_engine(db_url)
    with engine.begin() as conn:  # the schema every earlier release created (no alembic_version)
        conn.execute(
            text(
                "CREATE TABLE advisor_dialogue_state (user_id BIGINT PRIMARY KEY, state TEXT NOT NULL, "
                "version INTEGER NOT NULL, updated_at FLOAT NOT NULL)"
            )
        )
        conn.execute(
            text("CREATE TABLE advisor_processed_updates (update_id BIGINT PRIMARY KEY, processed_at FLOAT NOT NULL)")
        )
        conn.execute(text("CREATE TABLE advisor_counters (name VARCHAR(32) PRIMARY KEY, value BIGINT NOT NULL)"))
        conn.execute(
            text("INSERT INTO advisor_dialogue_state VALUES (42, :state, 3, 0)"), {"state": '{"steps": ["a"]}'}
        )
        conn.execute(text("INSERT INTO advisor_processed_updates VALUES (777, 0)"))
    engine.dispose()
    store = StateStore(db_url)
    assert store.read(42) == ({"steps": ["a"]}, 3)
    assert store.transact(42, 777, lambda s: add_step(s, "b"), bot_id=5) == ["a", "b"]
    tables = set(inspect(store.engine).get_table_names())
    assert "advisor_telegram_updates" in tables and "advisor_processed_updates" not in tables
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0002"
    StateStore(db_url)  # a second start finds nothing to do


def test_update_ids_are_kept_per_bot_and_pruned(db_url: str) -> None:
    store = StateStore(db_url)
    store.transact(1, 500, lambda s: add_step(s, "a"), bot_id=111)
    # the same update id from another bot (a new token, or two bots on one database) is a new update
    assert store.transact(1, 500, lambda s: add_step(s, "b"), bot_id=222) == ["a", "b"]
    with pytest.raises(Duplicate):
        store.transact(1, 500, lambda s: add_step(s, "c"), bot_id=111)
    assert store.prune(older_than_s=3600) == 0
    assert store.prune(older_than_s=-1) == 2  # everything older than "one second from now"
    assert not store.processed_before(500, bot_id=111)


def test_a_database_that_cannot_be_written_says_why_at_once(tmp_path: Path) -> None:
    import time

    from conversation.state_store import StateStoreError

    path = tmp_path / "state.sqlite3"
    StateStore(f"sqlite:///{path}").transact(1, 1, lambda s: add_step(s, "a"))
    read_only = StateStore(f"sqlite:///file:{path}?mode=ro&uri=true")
    started = time.monotonic()
    with pytest.raises(StateStoreError, match="readonly"):
        read_only.transact(1, 2, lambda s: add_step(s, "b"))
    with pytest.raises(StateStoreError, match="readonly"):
        read_only.commit(1, 3, 1, {"steps": []}, {})
    assert time.monotonic() - started < 2  # not retried as if it were busy

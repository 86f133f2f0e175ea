"""Dialogue state in our own database (SQLite by default, any SQLAlchemy URL such as PostgreSQL).

Why: a bot restart, a `kill -9` or a second bot process must not lose or repeat a step.
python-telegram-bot's ConversationHandler persistence loads conversations once at start-up, so it
cannot do this. The service reads the user's state with its version (no lock), computes the reply,
then `commit` records the Telegram update id (a duplicate delivery is detected and skipped) and
writes the state in one short transaction only if nobody wrote in between (optimistic concurrency);
on a conflict the reply is computed again. `transact` runs a quick step inside one transaction.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 20
KEEP_UPDATE_IDS_S = 2 * 24 * 3600
READ_ONLY = "advisor_read_only"

metadata = MetaData()
states = Table(
    "advisor_dialogue_state",
    metadata,
    Column("user_id", BigInteger, primary_key=True, autoincrement=False),
    Column("state", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
)
processed = Table(  # schema in conversation/migrations (0002): an update of one bot, and its unsent replies
    "advisor_telegram_updates",
    metadata,
    Column("bot_id", BigInteger, primary_key=True, autoincrement=False),
    Column("update_id", BigInteger, primary_key=True, autoincrement=False),
    Column("processed_at", Float, nullable=False),
    Column("chat_id", BigInteger, nullable=True),
    Column("replies", Text, nullable=True),
)
counters = Table(
    "advisor_counters",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)


class Duplicate(Exception):
    """The update was already processed (Telegram delivered it twice, or another process took it).
    `unsent` holds its replies when they were stored but never confirmed sent (a kill in between)."""

    def __init__(self, update_id: int, unsent: Unsent | None = None) -> None:
        super().__init__(update_id)
        self.update_id, self.unsent = update_id, unsent


@dataclass(frozen=True)
class Unsent:
    """Replies of a processed update that were never confirmed sent: where to, what, and since when."""

    chat_id: int
    replies: str  # JSON (conversation.ui.replies_to_json)
    processed_at: float


class StateStoreError(RuntimeError):
    """The state database cannot be written (read-only, corrupt, unreachable): says why, at once."""


def _transient(exc: OperationalError) -> bool:
    """Busy or locked (another writer, worth waiting for), unlike read-only or not a database."""
    reason = str(exc.orig).lower()
    return "locked" in reason or "busy" in reason


class _Conflict(Exception):
    """Another writer changed the state between our read and our write."""


# INSERT … ON CONFLICT DO NOTHING reports "nothing inserted" through RETURNING on every dialect
# (rowcount is not reliable for it on psycopg).


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL + synchronous=NORMAL: a commit survives a killed process (kill -9), without an fsync
            # per message. SQLAlchemy, not the driver, manages transactions (see "begin" below).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Connection) -> None:
            # writers take the write lock up front: concurrent writers then wait (busy_timeout) instead
            # of failing when their read snapshot turns out stale; readers never wait (WAL)
            read_only = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


class StateStore:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///file:"):  # a URI names an existing file
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        migrate(self.engine)

    def _insert(self, table: Table):  # noqa: ANN202 - dialect-specific insert with ON CONFLICT
        return (postgresql if self.dialect == "postgresql" else sqlite).insert(table)

    def transact(
        self,
        user_id: int,
        update_id: int | None,
        step: Callable[[dict[str, Any] | None], tuple[dict[str, Any] | None, dict[str, int], T]],
        bot_id: int = 0,
    ) -> T:
        """Run `step(state) -> (new_state or None to delete, counters, result)` atomically for one user.

        Raises Duplicate when `update_id` was processed before. `step` must be free of side effects:
        it may run more than once when another process writes concurrently."""
        for attempt in range(MAX_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    return self._once(conn, user_id, (bot_id, update_id), step)
            except _Conflict:
                pass
            except OperationalError as exc:
                if not _transient(exc):
                    raise StateStoreError(f"the dialogue state cannot be stored: {exc.orig}") from exc
                log.debug("state store busy (%s), retrying", exc.orig)  # SQLite under concurrent writers
            time.sleep(min(0.5, 0.01 * 2**attempt) * random.random())
        raise StateStoreError(
            f"could not store the dialogue state of user {user_id}: still busy after {MAX_ATTEMPTS} tries"
        )

    def _once(self, conn: Connection, user_id: int, key: tuple[int, int | None], step: Callable) -> Any:
        self._record_update(conn, key)
        row = conn.execute(select(states.c.state, states.c.version).where(states.c.user_id == user_id)).first()
        current = json.loads(row.state) if row else None
        new_state, counts, result = step(current)
        self._write(conn, user_id, row, new_state, counts)
        return result

    def read(self, user_id: int, update_id: int | None = None, bot_id: int = 0) -> tuple[dict[str, Any] | None, int]:
        """The user's state and its version (0 when none), read without taking the write lock; with
        `update_id`, Duplicate when that update of that bot was processed before (checked in the same
        read, so a message costs one read and one write transaction)."""
        with self._reader() as conn:
            if update_id is not None:
                seen = self._seen(conn, bot_id, update_id)
                if seen is not None:
                    raise Duplicate(update_id, seen if isinstance(seen, Unsent) else None)
            row = conn.execute(select(states.c.state, states.c.version).where(states.c.user_id == user_id)).first()
        return (json.loads(row.state), int(row.version)) if row else (None, 0)

    @staticmethod
    def _seen(conn: Connection, bot_id: int, update_id: int) -> Unsent | bool | None:
        """None when the update is new; its unsent replies when there are any; else True."""
        row = conn.execute(
            select(processed.c.chat_id, processed.c.replies, processed.c.processed_at).where(
                processed.c.bot_id == bot_id, processed.c.update_id == update_id
            )
        ).first()
        if row is None:
            return None
        if row.replies and row.chat_id is not None:
            return Unsent(int(row.chat_id), row.replies, float(row.processed_at))
        return True

    def processed_before(self, update_id: int, bot_id: int = 0) -> bool:
        with self._reader() as conn:
            return self._seen(conn, bot_id, update_id) is not None

    def claim_unsent(self, bot_id: int, update_id: int) -> str | None:
        """Take the unsent replies of an update to send them (only one process gets them)."""
        with self.engine.begin() as conn:
            row = conn.execute(
                select(processed.c.replies).where(processed.c.bot_id == bot_id, processed.c.update_id == update_id)
            ).first()
            if row is None or not row.replies:
                return None
            taken = conn.execute(
                update(processed)
                .where(
                    processed.c.bot_id == bot_id,
                    processed.c.update_id == update_id,
                    processed.c.replies.is_not(None),
                )
                .values(replies=None)
            )
            return row.replies if taken.rowcount else None

    def mark_sent(self, bot_id: int, update_id: int) -> None:
        """The update's replies reached Telegram: nothing is left to send again."""
        with self.engine.begin() as conn:
            conn.execute(
                update(processed)
                .where(processed.c.bot_id == bot_id, processed.c.update_id == update_id)
                .values(replies=None)
            )

    def commit(
        self,
        user_id: int,
        update_id: int | None,
        read_version: int,
        new_state: dict[str, Any] | None,
        counts: dict[str, int],
        bot_id: int = 0,
        outbox: tuple[int, str] | None = None,
    ) -> bool:
        """Store a state computed from the version read, in one short write transaction: the update id is
        recorded (Duplicate when it was processed before), with `outbox` (chat id, replies as JSON) until
        `mark_sent`, and the state is written only if nobody changed it since it was read. Returns False on
        such a conflict (nothing is written): read and compute again."""
        try:
            with self.engine.begin() as conn:
                self._record_update(conn, (bot_id, update_id), outbox)
                row = conn.execute(select(states.c.version).where(states.c.user_id == user_id)).first()
                if (int(row.version) if row else 0) != read_version:
                    raise _Conflict()
                self._write(conn, user_id, row, new_state, counts)
            return True
        except _Conflict:
            return False
        except OperationalError as exc:
            if _transient(exc):
                return False  # busy: read and compute again, like a conflict
            raise StateStoreError(f"the dialogue state cannot be stored: {exc.orig}") from exc

    def _record_update(
        self, conn: Connection, key: tuple[int, int | None], outbox: tuple[int, str] | None = None
    ) -> None:
        bot_id, update_id = key
        if update_id is None:
            return
        chat_id, replies = outbox if outbox is not None else (None, None)
        done = conn.execute(
            self._insert(processed)
            .values(bot_id=bot_id, update_id=update_id, processed_at=time.time(), chat_id=chat_id, replies=replies)
            .on_conflict_do_nothing()
            .returning(processed.c.update_id)
        ).first()
        if done is None:
            raise Duplicate(update_id)

    def _write(self, conn: Connection, user_id: int, row: Any, new_state: dict[str, Any] | None, counts: dict) -> None:
        now = time.time()
        if new_state is None:
            conn.execute(delete(states).where(states.c.user_id == user_id))
        elif row is None:
            inserted = conn.execute(
                self._insert(states)
                .values(user_id=user_id, state=_dump(new_state), version=1, updated_at=now)
                .on_conflict_do_nothing()
                .returning(states.c.user_id)
            ).first()
            if inserted is None:
                raise _Conflict()
        else:
            changed = conn.execute(
                update(states)
                .where(states.c.user_id == user_id, states.c.version == row.version)
                .values(state=_dump(new_state), version=row.version + 1, updated_at=now)
            )
            if changed.rowcount == 0:
                raise _Conflict()
        for name, amount in counts.items():
            upsert = self._insert(counters).values(name=name, value=amount)
            conn.execute(
                upsert.on_conflict_do_update(index_elements=["name"], set_={"value": counters.c.value + amount})
            )

    def _reader(self) -> Connection:
        return self.engine.connect().execution_options(**{READ_ONLY: True})

    def load(self, user_id: int) -> dict[str, Any] | None:
        with self._reader() as conn:
            row = conn.execute(select(states.c.state).where(states.c.user_id == user_id)).first()
        return json.loads(row.state) if row else None

    def stats(self) -> dict[str, int]:
        """Counts only (users, questions, assessments); safe to call inside a `transact` step."""
        with self._reader() as conn:
            users = conn.execute(select(func.count()).select_from(states)).scalar_one()
            values = dict(conn.execute(select(counters.c.name, counters.c.value)).all())
        return {"users": users, "questions": values.get("questions", 0), "assessments": values.get("assessments", 0)}

    def prune(self, older_than_s: float = KEEP_UPDATE_IDS_S) -> int:
        """Forget processed update ids old enough that Telegram will not deliver them again (the bot
        runs this on a schedule); returns how many were forgotten."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(processed).where(processed.c.processed_at < time.time() - older_than_s))
        return int(gone.rowcount or 0)

    def close(self) -> None:
        self.engine.dispose()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (conversation/migrations). A database made before
    migrations existed (its tables, no alembic_version) is first marked as the initial revision."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        tables = set(inspect(conn).get_table_names())
        if "advisor_dialogue_state" in tables and "alembic_version" not in tables:
            command.stamp(config, "0001")
        command.upgrade(config, "head")


def _dump(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True)

"""Fetching updates so that one update nobody can parse never stops the bot for everyone.

Why: python-telegram-bot parses a whole `getUpdates` batch at once. One update it cannot read (a
`poll` without `persistent_id` was enough in 22.8) fails the batch, the offset never moves past it,
and the same batch is fetched again in a tight loop — thousands of requests a minute, nobody
answered, and the library logs the raw batch (names and texts) at CRITICAL every time. Here each
update is parsed on its own; one that fails is replaced by an empty update with the same id, so the
offset moves past it and the handler ignores it, and only its id and the error type are logged.
We also subscribe only to the update kinds the bot handles (`ALLOWED_UPDATES`).
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
from collections.abc import Sequence
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE, DefaultValue
from telegram.ext import ExtBot

log = logging.getLogger(__name__)

# What the bot handles: messages and button taps. Edited messages are not subscribed to (an edit of an
# answer must not advance the dialogue a second time); polls, reactions, members… are never read.
ALLOWED_UPDATES: list[str] = [Update.MESSAGE, Update.CALLBACK_QUERY]
CONFIRM_WAIT_S = 120.0  # longest wait for a batch to be handled before polling goes on regardless


def parse_each(raw: Sequence[dict[str, Any]], bot: ExtBot) -> list[Update]:
    """Every update of a batch, parsed one by one; an unreadable one becomes `Update(update_id)`."""
    updates: list[Update] = []
    for item in raw:
        try:
            update = Update.de_json(item, bot)
        except Exception as exc:  # noqa: BLE001 - any failure to read one update must not stop the others
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int):
                log.warning("skipped an update without an id (%s)", type(exc).__name__)
                continue
            log.warning("skipped update %s: it could not be read (%s)", update_id, type(exc).__name__)
            update = Update(update_id)
        if update is not None:
            updates.append(update)
    return updates


class TolerantBot(ExtBot):
    """ExtBot whose `get_updates` reads each update on its own (see the module docstring), and confirms
    a batch to Telegram only once every update of it was handled.

    Telegram forgets an update when `getUpdates` is next called with a higher offset. python-telegram-bot
    calls it again as soon as a batch is queued, so a `kill -9` while the batch was still being answered
    lost those updates. Here the next call waits until the handler reported each fetched update
    `finished` (its state committed and its replies sent), so a killed process gets them again on
    restart; the outbox of the state store then sends the replies of any that were committed but not
    sent, and skips the rest as duplicates."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self._unfinished: set[int] = set()
        self._idle: asyncio.Event | None = None

    def finished(self, update_id: int) -> None:
        self._unfinished.discard(update_id)
        if not self._unfinished and self._idle is not None:
            self._idle.set()

    async def _settled(self) -> None:
        """Until every update fetched so far is finished (bounded: a stuck handler must not stop polling)."""
        if not self._unfinished:
            return
        self._idle = self._idle or asyncio.Event()
        self._idle.clear()
        try:
            await asyncio.wait_for(self._idle.wait(), CONFIRM_WAIT_S)
        except TimeoutError:
            log.warning(
                "updates %s still being handled after %.0f s; polling on", sorted(self._unfinished), CONFIRM_WAIT_S
            )

    async def get_updates(  # type: ignore[override]
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: int | dtm.timedelta | None = None,
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: Any = DEFAULT_NONE,  # noqa: ANN401 - PTB's own default sentinels pass through
        write_timeout: Any = DEFAULT_NONE,  # noqa: ANN401
        connect_timeout: Any = DEFAULT_NONE,  # noqa: ANN401
        pool_timeout: Any = DEFAULT_NONE,  # noqa: ANN401
        api_kwargs: dict[str, Any] | None = None,
    ) -> tuple[Update, ...]:
        await self._settled()  # the offset confirms every update before it: only once they are handled
        # a long poll waits `timeout` seconds on the server: the read may take that much longer
        base = self._request[0].read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        seconds = timeout.total_seconds() if isinstance(timeout, dtm.timedelta) else (timeout or 0)
        data = {"timeout": timeout, "offset": offset, "limit": limit, "allowed_updates": allowed_updates}
        raw = await self._post(
            "getUpdates",
            data,
            read_timeout=(base or 0) + seconds,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        updates = tuple(parse_each(raw or [], self))
        self._unfinished.update(u.update_id for u in updates)
        return updates

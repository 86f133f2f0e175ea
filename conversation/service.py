"""One user event, end to end: load state, run the conversation core, store, return the replies.

Why: the Telegram adapter and the terminal chat both call this, so what is stored and when is the
same for both; the transport only renders `Reply` objects.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from conversation.core import Conversation, Event
from conversation.state_store import Duplicate, StateStore
from conversation.ui import Reply, replies_from_json, replies_to_json

if TYPE_CHECKING:
    from advisor.settings import Settings

MAX_ATTEMPTS = 8  # recomputations when other processes keep writing the same user's state
MAX_LOCKS = 10_000  # per-user locks kept before idle ones are dropped
# How long after its commit an update's replies are left to the process that committed it to send. An
# update delivered again sooner (a restart after kill -9 can take less) waits out the rest of it and
# then resends whatever is still unsent: the replies are never dropped because the restart was quick.
OUTBOX_GRACE_S = 2.0


class AdvisorService:
    def __init__(self, conversation: Conversation, store: StateStore) -> None:
        self.conversation = conversation
        self.store = store
        self._locks: dict[int, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def process(
        self, user_id: int, event: Event, update_id: int | None = None, bot_id: int = 0, chat_id: int | None = None
    ) -> list[Reply] | None:
        """The replies for `event`, or None when this update was already processed and answered.

        With `chat_id` the replies are stored with the update until `sent` confirms them: an update
        delivered again after a kill between the commit and the send gets its stored replies back.

        The reply is computed from the state as read, outside any write transaction (an answer may take
        seconds with an LLM), then stored in one short transaction that records the update id and checks
        that the state is still the version read; if another update of the same user got there first,
        the reply is computed again on the new state. So users never wait for each other, and every
        update still changes the state exactly once, in commit order."""
        with self._user_lock(user_id):  # this process keeps one user's updates in arrival order
            for attempt in range(MAX_ATTEMPTS):
                try:
                    # the first read also tells whether this update was processed before
                    state, version = self.store.read(user_id, update_id if attempt == 0 else None, bot_id)
                    outcome = self.conversation.handle(state, event)
                    outbox = (chat_id, replies_to_json(outcome.replies)) if chat_id is not None else None
                    new_state = None if outcome.forget else outcome.state
                    stored = self.store.commit(
                        user_id, update_id, version, new_state, outcome.counters, bot_id=bot_id, outbox=outbox
                    )
                except Duplicate as done:
                    return self._unsent(done, bot_id)
                if stored:
                    return outcome.replies
        raise RuntimeError(f"user {user_id}: the state kept changing while answering ({MAX_ATTEMPTS} attempts)")

    def _unsent(self, done: Duplicate, bot_id: int) -> list[Reply] | None:
        """An update delivered again: its replies when they were stored and are still not confirmed sent
        once the process that stored them has had its grace to send them (it was killed); else nothing."""
        unsent = done.unsent
        if unsent is None:
            return None  # sent
        remaining = OUTBOX_GRACE_S - (time.time() - unsent.processed_at)
        if remaining > 0:
            time.sleep(remaining)  # a worker thread: the committing process may be sending them right now
        replies = self.store.claim_unsent(bot_id, done.update_id)
        return replies_from_json(replies) if replies else None

    def healthy(self) -> bool:
        """The state store answers a read (what every update needs first)."""
        try:
            self.store.stats()
            return True
        except Exception:  # noqa: BLE001 - any failure to read is "down"
            return False

    def sent(self, bot_id: int, update_id: int) -> None:
        """The replies of this update reached Telegram."""
        self.store.mark_sent(bot_id, update_id)

    def _user_lock(self, user_id: int) -> threading.Lock:
        with self._locks_guard:
            lock = self._locks.get(user_id)
            if lock is None:
                if len(self._locks) > MAX_LOCKS:
                    self._locks = {k: v for k, v in self._locks.items() if v.locked()}
                lock = self._locks[user_id] = threading.Lock()
            return lock

    def language(self, user_id: int) -> str | None:
        state = self.store.load(user_id)
        return state.get("lang") if state else None


def make_service(settings: Settings, warm_in_background: bool = False) -> AdvisorService:
    """Everything heavy, built once: catalog, answering chain, state store, and the dense leg — opened
    now (the bot: before it takes updates, so no user waits for Chroma and no answer competes with its
    opening for the interpreter) or in the background (the terminal chat: its prompt comes first)."""
    from knowledge.catalog import load_catalog
    from rag.chain import make_advisor

    store = StateStore(settings.state_url)
    advisor = make_advisor(settings)
    advisor.warm(background=warm_in_background)
    conversation = Conversation(load_catalog(), advisor, stats_source=store.stats)
    return AdvisorService(conversation, store)

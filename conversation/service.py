"""One user event, end to end: load state, run the conversation core, store, return the replies.

Why: the Telegram adapter and the terminal chat both call this, so what is stored and when is the
same for both; the transport only renders `Reply` objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.core import Conversation, Event, Outcome
from conversation.state_store import Duplicate, StateStore
from conversation.ui import Reply

if TYPE_CHECKING:
    from advisor.settings import Settings


class AdvisorService:
    def __init__(self, conversation: Conversation, store: StateStore) -> None:
        self.conversation = conversation
        self.store = store

    def process(self, user_id: int, event: Event, update_id: int | None = None) -> list[Reply] | None:
        """The replies for `event`, or None when this update was already processed."""

        def step(state: dict | None) -> tuple[dict | None, dict[str, int], Outcome]:
            outcome = self.conversation.handle(state, event)
            return (None if outcome.forget else outcome.state), outcome.counters, outcome

        try:
            outcome = self.store.transact(user_id, update_id, step)
        except Duplicate:
            return None
        return outcome.replies

    def language(self, user_id: int) -> str | None:
        state = self.store.load(user_id)
        return state.get("lang") if state else None


def make_service(settings: Settings) -> AdvisorService:
    """Everything heavy, built once: catalog, answering chain, state store."""
    from knowledge.catalog import load_catalog
    from rag.chain import make_advisor

    store = StateStore(settings.state_url)
    conversation = Conversation(load_catalog(), make_advisor(settings), stats_source=store.stats)
    return AdvisorService(conversation, store)

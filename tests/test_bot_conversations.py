"""Whole conversations sent to the real bot process over the loopback Bot API: the bot keeps the
context between messages and answers level questions from the facts stated in earlier turns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from evaluation.conversations import load_conversations, turn_passes
from tests.bot_harness import User, running_bot
from tests.conftest import ROOT
from tests.fake_telegram import FakeBotAPI

CONVERSATIONS = load_conversations(ROOT / "evaluation" / "conversations.yaml")[:12]


pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot_api(indexed_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FakeBotAPI]:
    tmp = tmp_path_factory.mktemp("bot-conversations")
    async with running_bot(
        indexed_data_dir, tmp, clean_log=False, USER_RATE_PER_MINUTE="1000", USER_TAPS_PER_MINUTE="1000"
    ) as process:
        yield process.api


@pytest.mark.parametrize("conv", CONVERSATIONS, ids=[c["id"] for c in CONVERSATIONS])
async def test_conversation_through_the_bot(bot_api: FakeBotAPI, conv: dict) -> None:
    user = User(bot_api, 5000 + CONVERSATIONS.index(conv))
    for n, turn in enumerate(conv["turns"], start=1):
        await user.say(turn["user"])
        passed, missing = turn_passes(turn, user.text())
        assert passed, f"turn {n} {turn['user']!r}: missing {missing} in {user.text()[:300]!r}"

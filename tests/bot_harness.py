"""Running the real bot (`advisor bot`, a separate process) against the fake Bot API on loopback."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.fake_telegram import Call, FakeBotAPI

TOKEN = "123456:TEST-token-abcdefghij"
ADVISOR = str(Path(sys.executable).parent / "advisor")


class BotProcess:
    def __init__(self, api: FakeBotAPI, data_dir: Path, state_url: str, log_path: Path, **env: str) -> None:
        self.api, self.log_path, self.state_url = api, log_path, state_url
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
        self.env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE_URL=api.base_url,
            DATA_DIR=str(data_dir),
            STATE_DB_URL=state_url,
            LOG_LEVEL="DEBUG",
            **env,
        )
        self.proc: subprocess.Popen[bytes] | None = None

    async def start(self, ready_call: str = "setMyCommands") -> BotProcess:
        before = len(self.api.calls_of(ready_call))
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen([ADVISOR, "bot"], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        await self.api.wait_for_call(ready_call, count=before + (2 if ready_call == "setMyCommands" else 1), timeout=90)
        return self

    def kill(self) -> None:
        """kill -9: no clean shutdown at all."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    async def stop(self) -> None:
        """Ctrl-C, then wait for the clean shutdown without blocking the event loop: the fake Bot API runs
        on this loop and must answer the bot's last confirming getUpdates (a blocking wait here made every
        stop last the bot's 5 s read timeout)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                await asyncio.to_thread(self.proc.wait, 30)
            except subprocess.TimeoutExpired:
                self.kill()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


# A test that talks to a bot shared by its module (see `running_bot`) runs on the module's event loop.
shares_the_bot = pytest.mark.asyncio(loop_scope="module")


@asynccontextmanager
async def running_bot(data_dir: Path, tmp: Path, clean_log: bool = True, **env: str) -> AsyncIterator[BotProcess]:
    """One bot process with a loopback Bot API and a state database of its own, shared by the tests of a
    module: each test talks as users of its own, so one test cannot change another's answers, and the bot
    starts once (about 2 s of the CPU) instead of once per test. Its log is checked when it stops: never
    the token, and with `clean_log` no update that failed to be handled."""
    async with FakeBotAPI(token=TOKEN, username="advisor_test_bot") as api:
        process = BotProcess(api, data_dir, f"sqlite:///{tmp / 'state.sqlite3'}", tmp / "bot.log", **env)
        await process.start()
        try:
            yield process
        finally:
            await process.stop()
        assert TOKEN not in process.log(), "the bot token leaked into the logs"
        assert not clean_log or "error while handling an update" not in process.log()


class User:
    """One Telegram user talking to the bot through the fake API."""

    def __init__(self, api: FakeBotAPI, user_id: int, language: str = "zh-hant") -> None:
        self.api, self.id, self.language = api, user_id, language
        self.last: list[dict[str, Any]] = []

    async def say(self, text: str, replies: int = 1, timeout: float = 20.0) -> list[dict[str, Any]]:
        self.api.push_message(self.id, text, language_code=self.language)
        return await self.expect(replies, timeout)

    async def expect(self, replies: int = 1, timeout: float = 20.0) -> list[dict[str, Any]]:
        self.last = await self.api.wait_for_messages(self.id, replies, timeout=timeout)
        return self.last

    def button(self, label_part: str) -> tuple[int, str]:
        """The newest button with that label among the bot's messages in this chat."""
        for message in reversed(self.api.messages(self.id)):
            markup = message.get("reply_markup") or {}
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    if label_part in button["text"]:
                        return message["message_id"], button["callback_data"]
        raise AssertionError(f"no button {label_part!r} in {[m['text'][:30] for m in self.last]}")

    async def press(self, label_part: str, replies: int = 1) -> list[dict[str, Any]]:
        """Tap a button; the answer is new messages, or the tapped message edited in place (a toggle,
        the next page): `last` is then that message as it reads now."""
        message_id, data = self.button(label_part)
        edits = len(self.edits())
        self.api.push_callback(self.id, message_id, data)
        sent = asyncio.ensure_future(self.api.wait_for_messages(self.id, replies, timeout=20.0))
        edited = asyncio.ensure_future(
            self.api.wait_for_call("editMessageText", count=edits + 1, timeout=20.0, predicate=self.in_my_chat)
        )
        done, pending = await asyncio.wait({sent, edited}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if sent in done:
            self.last = sent.result()
        else:
            edited.result()
            self.last = [m for m in self.api.messages(self.id) if m["message_id"] == message_id]
        return self.last

    def in_my_chat(self, call: Call) -> bool:
        return str(call.params.get("chat_id")) == str(self.id)

    def edits(self) -> list[Call]:
        """The bot's edits of messages in this user's chat (other users of a shared bot edit theirs)."""
        return [c for c in self.api.calls_of("editMessageText") if self.in_my_chat(c)]

    def sends(self) -> list[Call]:
        """The bot's sendMessage calls to this user's chat."""
        return [c for c in self.api.calls_of("sendMessage") if self.in_my_chat(c)]

    async def until_keyboard(self, timeout: float = 20.0) -> list[dict[str, Any]]:
        """Collect messages until one carries buttons (a long reply arrives in several pieces)."""
        received: list[dict[str, Any]] = []
        while not received or not received[-1].get("reply_markup"):
            received += await self.api.wait_for_messages(self.id, 1, timeout=timeout)
        self.last = received
        return received

    async def tap(self, label_part: str) -> list[dict[str, Any]]:
        """Press a button and wait for the reply that carries the next buttons (or the edited message)."""
        received = await self.press(label_part)
        if received and not received[-1].get("reply_markup"):
            self.last = received + await self.until_keyboard()
        return self.last

    def text(self) -> str:
        return "\n".join(m["text"] for m in self.last)


async def settle(seconds: float = 0.3) -> None:
    await asyncio.sleep(seconds)


@asynccontextmanager
async def api_with_chat(user_id: int) -> AsyncIterator[FakeBotAPI]:
    """A loopback Bot API where `user_id`'s chat is known, as after the user's first message (for tests that
    call the bot's sending code directly, without a bot process)."""
    async with FakeBotAPI(token=TOKEN) as fake:
        fake.push_message(user_id, "hi")
        yield fake


@asynccontextmanager
async def ptb_client(api: FakeBotAPI) -> AsyncIterator[Any]:
    """python-telegram-bot's own client against the loopback API: requests exactly as the bot sends them."""
    import telegram

    async with telegram.Bot(TOKEN, base_url=api.base_url) as client:
        yield client

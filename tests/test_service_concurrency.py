"""Answers are computed outside the state store's write transaction: several users' slow answers
overlap, and every update still changes the state exactly once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from advisor.settings import Settings
from conversation.core import Conversation, Event
from conversation.service import OUTBOX_GRACE_S, AdvisorService
from conversation.state_store import StateStore
from knowledge.catalog import Catalog
from rag.chain import make_advisor


class SlowLLM(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that takes a while and counts requests in flight."""

    delay = 0.8
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        self.rfile.read(int(self.headers["Content-Length"]))
        with SlowLLM.lock:
            SlowLLM.in_flight += 1
            SlowLLM.most_in_flight = max(SlowLLM.most_in_flight, SlowLLM.in_flight)
        time.sleep(SlowLLM.delay)
        with SlowLLM.lock:
            SlowLLM.in_flight -= 1
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": "改寫後的回答。"}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def slow_llm() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowLLM)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    SlowLLM.in_flight = SlowLLM.most_in_flight = 0
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def service(indexed_data_dir: Path, url: str, state_url: str, catalog: Catalog) -> AdvisorService:
    settings = Settings(
        data_dir=indexed_data_dir, llm_provider="openai", llm_base_url=url, llm_timeout_s=10, _env_file=None
    )
    return AdvisorService(Conversation(catalog, make_advisor(settings)), StateStore(state_url))


def test_slow_answers_of_several_users_overlap(
    indexed_data_dir: Path, slow_llm: str, tmp_path: Path, catalog: Catalog
) -> None:
    svc = service(indexed_data_dir, slow_llm, f"sqlite:///{tmp_path / 's.sqlite3'}", catalog)
    users = range(1, 5)
    threads = [
        threading.Thread(target=svc.process, args=(u, Event("text", "AIATCL 是誰辦的？"), 100 + u)) for u in users
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert SlowLLM.most_in_flight >= 2  # answers ran side by side, not one user at a time
    for u in users:
        assert svc.store.read(u)[1] == 1  # each update stored exactly once


def test_same_users_updates_all_land_in_order(
    indexed_data_dir: Path, slow_llm: str, tmp_path: Path, catalog: Catalog
) -> None:
    """Two services (as two bot processes would be) on one database: the same user's concurrent updates
    are recomputed on conflict, so none is lost and each is applied once."""
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    SlowLLM.delay = 0.2
    first, second = (service(indexed_data_dir, slow_llm, url, catalog) for _ in range(2))
    messages = [f"我上過素養 {h} 小時" for h in (3, 6, 9, 12)]
    threads = [
        threading.Thread(target=(first if i % 2 else second).process, args=(7, Event("text", m), 500 + i))
        for i, m in enumerate(messages)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    state, version = first.store.read(7)
    assert version == len(messages)  # four updates, four versions: none lost, none applied twice
    assert state["turn"] == len(messages)
    assert first.process(7, Event("text", "again"), 500) is None  # a redelivered update is skipped
    SlowLLM.delay = 0.8


def test_an_update_delivered_again_soon_after_its_commit_still_gets_its_unsent_replies(
    indexed_data_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    """A process killed between storing a step and sending it, restarted quicker than the grace: the
    update comes again within the grace, which is waited out, and the stored replies are sent once."""
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    settings = Settings(data_dir=indexed_data_dir, _env_file=None)
    killed, restarted = (
        AdvisorService(Conversation(catalog, make_advisor(settings)), StateStore(url)) for _ in range(2)
    )
    replies = killed.process(9, Event("command", "/help"), 900, bot_id=1, chat_id=9)
    assert replies  # stored with the update, never confirmed sent: the process dies here
    started = time.monotonic()
    again = restarted.process(9, Event("command", "/help"), 900, bot_id=1, chat_id=9)
    assert again is not None and [r.text for r in again] == [r.text for r in replies]
    assert time.monotonic() - started >= OUTBOX_GRACE_S * 0.9  # the sender's grace was waited out
    assert restarted.process(9, Event("command", "/help"), 900, bot_id=1, chat_id=9) is None  # sent once


def test_replies_confirmed_sent_are_never_sent_again(indexed_data_dir: Path, tmp_path: Path, catalog: Catalog) -> None:
    svc = AdvisorService(
        Conversation(catalog, make_advisor(Settings(data_dir=indexed_data_dir, _env_file=None))),
        StateStore(f"sqlite:///{tmp_path / 's.sqlite3'}"),
    )
    assert svc.process(9, Event("command", "/help"), 901, bot_id=1, chat_id=9)
    svc.sent(1, 901)
    assert svc.process(9, Event("command", "/help"), 901, bot_id=1, chat_id=9) is None

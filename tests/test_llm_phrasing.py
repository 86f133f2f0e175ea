"""Optional LLM phrasing against a real OpenAI-compatible HTTP server on loopback."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from advisor.settings import Settings
from rag.chain import make_advisor


class FakeLLM(BaseHTTPRequestHandler):
    mode = "ok"
    requests: list[dict] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLLM.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if FakeLLM.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if FakeLLM.mode == "slow":
            time.sleep(2)
        payload = {"choices": [{"message": {"role": "assistant", "content": "改寫後：AIATCL 屬於素養類。"}}]}
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except BrokenPipeError:  # the client gave up (timeout test)
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def llm_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeLLM.requests.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def _advisor(data_dir: Path, url: str, timeout: float = 5.0):  # noqa: ANN202
    return make_advisor(
        Settings(
            data_dir=data_dir,
            llm_provider="openai",
            llm_base_url=url,
            llm_api_key="k",
            llm_timeout_s=timeout,
            _env_file=None,
        )
    )


def test_llm_rewrites_and_sources_are_kept(indexed_data_dir: Path, llm_server: str) -> None:
    FakeLLM.mode = "ok"
    answer = _advisor(indexed_data_dir, llm_server).respond("AIATCL 是哪一類？")
    assert answer.route == "llm"
    assert answer.text.startswith("改寫後：") and "出處：附件(三) 表6" in answer.text
    assert "附件(三) 表6" in [s.section for s in answer.sources]
    sent = FakeLLM.requests[0]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer k"
    assert "AIATCL" in sent["body"]["messages"][1]["content"]


@pytest.mark.parametrize(("mode", "timeout"), [("error", 5.0), ("slow", 0.5)])
def test_llm_failure_falls_back_to_the_deterministic_answer(
    indexed_data_dir: Path, llm_server: str, mode: str, timeout: float, caplog: pytest.LogCaptureFixture
) -> None:
    FakeLLM.mode = mode
    with caplog.at_level(logging.WARNING):
        answer = _advisor(indexed_data_dir, llm_server, timeout).respond("AIATCL 是哪一類？")
    assert answer.route == "catalog" and "台灣人工智慧學校" in answer.text
    assert any("LLM phrasing failed" in r.getMessage() for r in caplog.records)


def test_declined_questions_are_not_sent_to_the_llm(indexed_data_dir: Path, llm_server: str) -> None:
    FakeLLM.mode = "ok"
    answer = _advisor(indexed_data_dir, llm_server).respond("iPAS 報名費多少？")
    assert answer.answered is False and FakeLLM.requests == []

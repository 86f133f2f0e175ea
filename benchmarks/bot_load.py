"""Load test of the Telegram bot against the fake Bot API on loopback.

50 simulated users at once; each sends 5 questions (waiting for each reply, then pausing 2 s) and
completes one guided assessment. Reports reply latency p50/p95, replies lost, duplicates and the bot
process's peak memory. Everything stays on 127.0.0.1 and stops by itself.

    .venv/bin/python -m benchmarks.bot_load [--users 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.metrics import percentile
from evaluation.runner import load_gold
from tests.fake_telegram import FakeBotAPI

TOKEN = "123456:BENCH-token-abcdefghij"
ADVISOR = str(Path(sys.executable).parent / "advisor")
REPLY_TIMEOUT = 30.0


class Stats:
    def __init__(self) -> None:
        self.question_ms: list[float] = []
        self.step_ms: list[float] = []
        self.lost = 0
        self.expected = 0


async def _exchange(api: FakeBotAPI, user: int, push, stats: Stats, bucket: list[float]) -> list[dict]:  # noqa: ANN001
    """Push one update, wait for its reply, record the latency."""
    started = time.perf_counter()
    push()
    stats.expected += 1
    try:
        messages = await api.wait_for_messages(user, 1, timeout=REPLY_TIMEOUT)
    except TimeoutError:
        stats.lost += 1
        return []
    bucket.append((time.perf_counter() - started) * 1000)
    return messages


def _button(messages: list[dict], label: str) -> tuple[int, str] | None:
    for message in reversed(messages):
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if button["text"].startswith(label) or label in button["text"]:
                    return message["message_id"], button["callback_data"]
    return None


async def simulated_user(api: FakeBotAPI, user: int, questions: list[str], stats: Stats) -> None:
    for question in questions:
        await _exchange(api, user, lambda q=question: api.push_message(user, q), stats, stats.question_ms)
        await asyncio.sleep(2.0)
    last = await _exchange(api, user, lambda: api.push_message(user, "/assess"), stats, stats.step_ms)
    plan = ["開始", "下一類", "下一類", "完成", *["18"] * 9, "開始判定"]
    for label in plan:
        target = _button(last, label)
        if target is None:
            stats.lost += 1
            return
        last = await _exchange(api, user, lambda t=target: api.push_callback(user, *t), stats, stats.step_ms)


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(users: int, overall_rate: float | None) -> int:
    questions = [item["question"] for item in load_gold() if item["answerable"]]
    random.seed(7)
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
        env.update(DATA_DIR=tmp, LOG_LEVEL="WARNING")
        subprocess.run([ADVISOR, "ingest"], env=env, check=True, capture_output=True)
        async with FakeBotAPI(token=TOKEN, require_known_chat=False) as api:
            env.update(
                TELEGRAM_BOT_TOKEN=TOKEN,
                TELEGRAM_API_BASE_URL=api.base_url,
                STATE_DB_URL=f"sqlite:///{tmp}/state.sqlite3",
                USER_RATE_PER_MINUTE="1000",
            )
            if overall_rate is not None:
                env["TELEGRAM_OVERALL_RATE"] = str(overall_rate)
            bot = subprocess.Popen([ADVISOR, "bot"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                await api.wait_for_call("setMyCommands", count=2, timeout=90)
                stats = Stats()
                started = time.perf_counter()
                await asyncio.gather(
                    *(simulated_user(api, 10_000 + i, random.sample(questions, 5), stats) for i in range(users))
                )
                wall = time.perf_counter() - started
                await asyncio.sleep(2.0)
                duplicates = _extra_messages(api, users, stats)
                peak = _peak_rss_mb(bot.pid)
            finally:
                bot.terminate()
                bot.wait(timeout=30)
    q50, q95 = percentile(stats.question_ms, 50), percentile(stats.question_ms, 95)
    s50, s95 = percentile(stats.step_ms, 50), percentile(stats.step_ms, 95)
    print("| bot load | value |\n|---|---|")
    print(f"| simulated users | {users} (5 questions with 2 s pauses + 1 assessment each) |")
    print(f"| outgoing flood limit | {overall_rate or 30:g} messages/s overall |")
    print(f"| question reply latency p50 / p95 | {q50:.0f} ms / {q95:.0f} ms ({len(stats.question_ms)} replies) |")
    print(f"| assessment step latency p50 / p95 | {s50:.0f} ms / {s95:.0f} ms ({len(stats.step_ms)} replies) |")
    print(f"| replies lost | {stats.lost} of {stats.expected} |")
    print(f"| duplicate replies | {duplicates} |")
    print(f"| bot peak memory (RSS) | {peak:.0f} MB |")
    print(f"| wall time | {wall:.1f} s on {os.cpu_count()} CPUs |")
    return 0 if stats.lost == 0 and duplicates == 0 else 1


def _extra_messages(api: FakeBotAPI, users: int, stats: Stats) -> int:
    """Messages the bot sent beyond the one reply each update of this plan gets."""
    sent = sum(len(api.messages(10_000 + i)) for i in range(users))
    return max(0, sent - (stats.expected - stats.lost))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--overall-rate",
        type=float,
        default=None,
        help="TELEGRAM_OVERALL_RATE for the bot (default: the setting's default, Telegram's 30 messages/s)",
    )
    args = parser.parse_args()
    return asyncio.run(run(args.users, args.overall_rate))


if __name__ == "__main__":
    sys.exit(main())

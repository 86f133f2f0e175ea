"""The `advisor` command line (see ../shared/spec/interfaces.md for the stable contract)."""

from __future__ import annotations

import argparse
import sys

from advisor.assess_command import run_assess


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="advisor", description="AI 產業人才認定指引 (115v3.0) advisor")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the terminal chat")
    sub.add_parser("ingest", help="build or refresh the Chroma index from knowledge/")
    ask = sub.add_parser("ask", help="one question, one grounded answer ('-' reads one question per line)")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print JSON (JSON Lines with '-')")
    assess = sub.add_parser("assess", help="one deterministic self-assessment")
    assess.add_argument("--profile", required=True, help="a JSON profile file, or - for standard input")
    assess.add_argument("--json", action="store_true", help="print the JSON result")
    sub.add_parser("chat", help="the advisor in the terminal")
    sub.add_parser("bot", help="the Telegram bot")
    ev = sub.add_parser("eval", help="run the evaluation set and write a report")
    ev.add_argument("--out", default=None, help="report directory (default: evaluation/reports)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "assess":
        return run_assess(args.profile, args.json)
    print(f"advisor {args.command}: not available yet", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())

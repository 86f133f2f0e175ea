"""The `advisor` command line (see ../shared/spec/interfaces.md for the stable contract)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pydantic import ValidationError

from advisor.settings import Settings


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ai-talent-advisor")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="advisor", description="AI 產業人才認定指引 (115v3.0) advisor")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()} (guideline 115v3.0)")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the terminal chat")
    ingest = sub.add_parser("ingest", help="build or refresh the Chroma index from knowledge/")
    ingest.add_argument("--force", action="store_true", help="rebuild even when the index is current")
    ask = sub.add_parser("ask", help="one question, one grounded answer ('-' reads one question per line)")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print JSON (JSON Lines with '-')")
    assess = sub.add_parser("assess", help="deterministic self-assessment: one profile, or a team from a file")
    # what to assess: exactly one source (add new sources to this group)
    source = assess.add_mutually_exclusive_group(required=True)
    source.add_argument("--profile", help="a JSON profile file, or - for standard input")
    source.add_argument("--batch", metavar="FILE", help="HR batch: a CSV (UTF-8) or XLSX file, one row per person")
    source.add_argument("--code", help="a share code (from --share or the bot's 分享 button) instead of a profile")
    assess.add_argument("--share", action="store_true", help="also print the profile's share code")
    assess.add_argument("--html", metavar="FILE", help="also write a readable report with the audit trail (HTML)")
    assess.add_argument("--save-profile", metavar="FILE", help="also write the profile as JSON (for --profile)")
    assess.add_argument(
        "--out", metavar="PATH", help="with --batch: write PATH.csv (and PATH-summary.csv) or PATH.xlsx"
    )
    assess.add_argument("--json", action="store_true", help="print the JSON result")
    plan = sub.add_parser("plan", help="a learning plan from a profile to a target (type and level, category or role)")
    plan_source = plan.add_mutually_exclusive_group(required=True)
    plan_source.add_argument("--profile", help="a JSON profile file, or - for standard input")
    plan_source.add_argument("--code", help="a share code instead of a profile")
    plan.add_argument("--target", required=True, help="e.g. 'AI 工具應用 進階', 'AI 開發人才', 'AI 產品經理'")
    plan.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the printed plan")
    plan.add_argument("--json", action="store_true", help="print the JSON plan")
    sub.add_parser("chat", help="the advisor in the terminal")
    sub.add_parser("bot", help="the Telegram bot")
    ev = sub.add_parser("eval", help="run the evaluation set and write a report")
    ev.add_argument("--out", default=None, help="report directory (default: evaluation/reports)")
    ev.add_argument("--gold", default=None, help="question set (default: evaluation/gold.yaml)")
    return parser


def _configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs request URLs at INFO, and Telegram URLs contain the bot token.
    for noisy in ("httpx", "httpcore", "chromadb", "sentence_transformers", "transformers", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


EXIT_USAGE = 2  # bad input or configuration: the message says which and what to do


def configuration_problem(exc: ValidationError) -> str:
    """「TOP_K: …」 lines naming each setting (by its environment variable) and what is wrong with it."""
    lines = []
    for error in exc.errors():
        name = "_".join(str(p) for p in error.get("loc", ()) if not isinstance(p, int)).upper() or "SETTINGS"
        lines.append(f"{name}: {error.get('msg', 'invalid value')} (see .env.example)")
    return "Configuration error:\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Every failure a user can cause ends in a message and exit status 2, never a traceback."""
    args_given = sys.argv[1:] if argv is None else argv
    if any(_undecodable(a) for a in args_given):
        print("An argument is not valid UTF-8 text: type it again in UTF-8.", file=sys.stderr)
        return EXIT_USAGE
    try:
        return _main(argv)
    except ValidationError as exc:
        print(configuration_problem(exc), file=sys.stderr)
        return EXIT_USAGE
    except UnicodeError:
        print("The input is not valid UTF-8 text: save or type it in UTF-8.", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (`advisor ask - … | head`): nothing more to write, and nothing to report
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


def _undecodable(arg: str) -> bool:
    """Python keeps bytes it cannot decode as lone surrogates (surrogateescape)."""
    return any("\udc80" <= ch <= "\udcff" for ch in arg)


def _main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "assess":
        return _assess(parser, args)
    if args.command == "plan":
        from advisor.plan_command import run_plan

        return run_plan(args.profile, args.code, args.target, args.json, args.lang)
    settings = Settings()
    _configure_logging(settings)
    command = args.command
    if command == "run":
        command = "bot" if settings.telegram_bot_token else "chat"
    if command == "ingest":
        from rag.ingest import ingest, summary_line

        result = ingest(settings, force=args.force)
        print(summary_line(result, settings))
        return 0
    if command == "ask":
        from advisor.ask_command import run_ask

        return run_ask(settings, args.question, args.json)
    if command == "chat":
        from advisor.terminal_chat import run_chat

        return run_chat(settings)
    if command == "eval":
        from evaluation.runner import main_eval

        return main_eval(settings, args.out, args.gold)
    if command == "bot":
        if not settings.telegram_bot_token:
            print("TELEGRAM_BOT_TOKEN is not set: see .env.example.", file=sys.stderr)
            return 2
        from bot.app import run_bot

        return run_bot(settings)
    return 2


def _assess(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """`advisor assess`: dispatch on the source given (the argument group makes it exactly one)."""
    if args.batch is not None:
        from advisor.batch_command import run_batch

        return run_batch(args.batch, args.out, args.json)
    if args.out is not None:
        parser.error("assess: --out is only used with --batch")
    from advisor.assess_command import run_assess

    return run_assess(
        args.profile, args.json, code=args.code, share=args.share, html=args.html, save_profile=args.save_profile
    )


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())

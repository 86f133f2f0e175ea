"""`python -m evaluation`: the same run as `advisor eval`, usable before the CLI wires it in."""

from __future__ import annotations

import argparse
import sys

from evaluation.runner import main_eval


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description="run the gold evaluation set")
    parser.add_argument("--out", default=None, help="report directory (default: evaluation/reports)")
    parser.add_argument("--gold", default=None, help="gold YAML file (default: evaluation/gold.yaml)")
    args = parser.parse_args(argv)
    from advisor.settings import Settings

    return main_eval(Settings(), args.out, args.gold)


if __name__ == "__main__":
    sys.exit(main())

"""`advisor ask`: one question, or JSON Lines from standard input with `-`."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from advisor.settings import Settings


def run_ask(
    settings: Settings, question: str, as_json: bool, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    from rag.chain import make_advisor

    advisor = make_advisor(settings)
    if question == "-":
        for line in stdin:
            line = line.rstrip("\n")
            answer = advisor.ask(line)
            if as_json:
                stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            else:
                stdout.write(f"{answer['answer']}\n\n")
            stdout.flush()
        return 0
    answer = advisor.ask(question)
    if as_json:
        print(json.dumps(answer, ensure_ascii=False), file=stdout)
    else:
        print(answer["answer"], file=stdout)
    return 0

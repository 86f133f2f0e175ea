"""`advisor chat`: the advisor in a terminal, sharing the conversation logic with the Telegram bot."""

from __future__ import annotations

import sys
from typing import TextIO

from advisor.settings import Settings

WELCOME = (
    "AI 產業人才認定指引 (115v3.0) 顧問。直接輸入問題，例如「AI 模型訓練要考哪些證照？」。\n"
    "指令：/help 說明、/quit 離開。"
)
HELP = (
    "可以問：人才類別與能力類型、表6 各類認證（分類、辦理單位）、自我評估門檻（表5）、職稱與職涯途徑、"
    "負責任使用 AI、學習資源。追問時可以說「那專案類呢？」「它是誰辦的？」。/quit 離開。"
)


def run_chat(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    from rag.chain import make_advisor

    advisor = make_advisor(settings)
    interactive = stdin.isatty()
    print(WELCOME, file=stdout)
    context: dict = {}
    while True:
        if interactive:
            stdout.write("\n你> ")
            stdout.flush()
        line = stdin.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit", "/q"):
            break
        if text in ("/help", "/start"):
            print(HELP, file=stdout)
            continue
        answer = advisor.respond(text, context)
        context = answer.context or context
        print(f"\n{answer.text}", file=stdout)
        stdout.flush()
    print("再見！", file=stdout)
    return 0

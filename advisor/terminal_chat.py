"""`advisor chat`: the advisor in a terminal, on the same conversation core as the Telegram bot.

Buttons are shown as numbered choices: type the number (or `#number` where numbers are answers,
such as hours), a button's exact label, or any text.
"""

from __future__ import annotations

import sys
from typing import TextIO

from advisor.settings import Settings
from conversation.core import Event
from conversation.ui import Button, Reply

TERMINAL_USER = 0
QUIT = ("/quit", "/exit", "/q")


def _render(reply: Reply, out: TextIO) -> list[Button]:
    print(f"\n{reply.text}", file=out)
    buttons = [b for row in reply.buttons for b in row]
    if buttons:
        prefix = "#" if reply.number_input else ""
        print("  ".join(f"[{prefix}{i}] {b.label}" for i, b in enumerate(buttons, start=1)), file=out)
    return buttons


def _event_for(text: str, buttons: list[Button], number_input: bool) -> Event:
    for button in buttons:
        if text == button.label:
            return Event("button", button.data)
    choice = text.removeprefix("#")
    # ASCII digits only: 「²」 is a digit to str.isdigit() but not to int()
    numeric = choice.isascii() and choice.isdigit()
    if numeric and (text.startswith("#") or not number_input) and 1 <= int(choice) <= len(buttons):
        return Event("button", buttons[int(choice) - 1].data)
    if text.startswith("/"):
        return Event("command", text)
    return Event("text", text)


def run_chat(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    from conversation.service import make_service

    service = make_service(settings, warm_in_background=True)
    interactive = stdin.isatty()
    buttons: list[Button] = []
    number_input = False
    for reply in service.process(TERMINAL_USER, Event("command", "/start")) or []:
        buttons = _render(reply, stdout)
    print("（/help 說明、/assess 自我評估、/quit 離開）", file=stdout)
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
        if text in QUIT:
            break
        replies = service.process(TERMINAL_USER, _event_for(text, buttons, number_input)) or []
        for reply in replies:
            shown = _render(reply, stdout)
            if shown:
                buttons, number_input = shown, reply.number_input
        stdout.flush()
    print("再見！", file=stdout)
    return 0

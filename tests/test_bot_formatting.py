"""Telegram rendering: escaping and splitting under the message limit."""

from __future__ import annotations

from bot.formatting import render, split_text
from conversation.ui import Button, Reply


def test_short_text_is_one_piece() -> None:
    assert split_text("一\n\n二", limit=100) == ["一\n\n二"]


def test_split_at_paragraphs_then_lines_then_hard() -> None:
    text = "\n\n".join(["a" * 30, "b" * 30, "c" * 30])
    assert split_text(text, limit=65) == ["a" * 30 + "\n\n" + "b" * 30, "c" * 30]
    lines = "\n".join(["x" * 20] * 5)
    assert split_text(lines, limit=45) == ["x" * 20 + "\n" + "x" * 20] * 2 + ["x" * 20]
    assert split_text("y" * 25, limit=10) == ["y" * 10, "y" * 10, "y" * 5]
    assert all(len(p) <= 50 for p in split_text(("z" * 70 + "\n") * 20, limit=50))


def test_nothing_is_lost() -> None:
    text = "\n\n".join(f"段落{i}\n" + "字" * (i * 37 % 300) for i in range(60))
    pieces = split_text(text, limit=500)
    assert all(len(p) <= 500 for p in pieces)
    assert "".join(pieces).replace("\n", "") == text.replace("\n", "")


def test_render_escapes_html_and_puts_buttons_last() -> None:
    reply = Reply("<b>x</b> & y\n\n" + "字" * 5000, [[Button("開始", "a:1:p:go")]])
    rendered = render(reply)
    assert rendered[0][0].startswith("&lt;b&gt;x&lt;/b&gt; &amp; y")
    assert rendered[0][1] is None and rendered[-1][1] is not None


def test_headings_are_bold_and_addresses_links_with_everything_else_escaped() -> None:
    from bot.formatting import render
    from conversation.ui import Reply

    [(text, _)] = render(
        Reply("核心技術基礎（附件(五)）：\n• 程式語言 <b>不是標記</b> & 符號\n下載位置：https://example.org/a?x=1&y=2")
    )
    lines = text.split("\n")
    assert lines[0] == "<b>核心技術基礎（附件(五)）：</b>"
    assert lines[1] == "• 程式語言 &lt;b&gt;不是標記&lt;/b&gt; &amp; 符號"
    assert lines[2] == '下載位置：<a href="https://example.org/a?x=1&amp;y=2">https://example.org/a?x=1&amp;y=2</a>'

"""The result as bars in a terminal (advisor/result_bars.py): in `advisor chat` before the result's text,
and under the table of `advisor assess` on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from advisor.assess_command import run_assess
from advisor.result_bars import BAR_WIDTH, progress_bar, result_bars
from tests.test_chart_png import made_up_chart
from tests.test_cli_ask_chat import run

ROOT = Path(__file__).resolve().parent.parent


def shown(lang: str, heading: bool = True, fraction: float = 0.5) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=80).print(result_bars(made_up_chart(fraction), lang, heading=heading))
    return [line.rstrip() for line in out.getvalue().splitlines()]


@pytest.mark.parametrize(
    ("fraction", "filled"), [(0.0, 0), (0.01, 1), (0.5, 10), (0.87, 17), (0.99, BAR_WIDTH - 1), (1.0, BAR_WIDTH)]
)
def test_a_bar_is_never_full_before_it_is_met_nor_empty_once_started(fraction: float, filled: int) -> None:
    bar = progress_bar(fraction, "blue").plain
    assert len(bar) == BAR_WIDTH and bar.count("█") == filled and bar.count("░") == BAR_WIDTH - filled


def test_the_bars_in_chinese() -> None:
    lines = shown("zh", fraction=0.25)
    assert lines[0] == "AI 產業人才能力自我評估（指引 115v3.0）" and lines[-1] == "出處：附件(二) 表5"
    assert "判定方式：證照與受訓時數兩途徑皆需達成" in lines
    text = "\n".join(lines)
    assert "  等級：具備 · 已達最高等級" in text and "  等級：初階" in text and "  等級：未達" in text
    [tool] = [line for line in lines if line.startswith("二、AI 工具應用")]
    assert tool.endswith("✓ 初階 → 進階")
    [certificate] = [line for line in lines if "→ 進階：證照途徑 T2-A-C1" in line]
    assert certificate.split()[-2:] == ["█" * 5 + "░" * 15, "25%"]
    [training] = [line for line in lines if "→ 進階：受訓時數途徑 T2-A-H1" in line]
    assert training.split()[-2:] == ["█" * 20, "100%"]
    [nothing] = [line for line in lines if "→ 具備：證照途徑 T5-C1" in line]
    assert nothing.split()[-2:] == ["░" * 20, "0%"]


def test_the_bars_in_english_fit_80_columns() -> None:
    lines = shown("en")
    assert lines[0].startswith("AI talent self-assessment") and lines[-1] == "Source: 附件(二) 表5"
    text = "\n".join(lines)
    assert "一 AI 應用素養 (AI Literacy)" in text and "Level: 未達 (not reached)" in text
    assert "→ 進階 (advanced): certificate route T2-A-C1" in text and "…" not in text
    assert all(cell_len(line) <= 80 for line in lines)


def test_without_heading_for_the_assess_table() -> None:
    assert not any(line.startswith("AI 產業人才") for line in shown("zh", heading=False))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_advisor_assess_on_a_terminal_shows_the_bars_under_the_table() -> None:
    out = _Terminal()
    assert run_assess(str(ROOT / "knowledge" / "examples" / "application-talent.json"), False, stdout=out) == 0
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # a terminal: rich colours it
    assert text.index("能力類型") < text.index("→ 進階：證照途徑 T2-A-C1") < text.index("出處：附件(二) 表5")
    assert re.search(r"→ 進階：證照途徑 T2-A-C1 +█{10}░{10} +50%", text)


def test_advisor_chat_shows_the_bars_before_the_result(indexed_data_dir: Path, tmp_path: Path) -> None:
    """The guided /assess of `advisor chat`, as tests/test_cli_ask_chat.py drives it: AIATCL and hours."""
    data_dir = tmp_path / "chat-data"
    data_dir.mkdir()
    (data_dir / "chroma").symlink_to(indexed_data_dir / "chroma")
    lines = ["/assess", "1", "AIATCL", "14", "9", "10"]
    lines += ["18", "十二小時", "6", "#1", "0", "0", "0", "0", "0"]
    lines += ["3", "/quit"]
    proc = run(data_dir, "chat", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    bars = out.index("AI 產業人才能力自我評估（指引 115v3.0）")
    assert bars < out.index("AI 應用素養：具備") and bars < out.index("AI 工具應用：未達")
    chart = out[bars : out.index("出處：附件(二) 表5", bars)]
    assert "✓ 具備" in chart and "→ 初階：受訓時數途徑" in chart and "█" in chart
    assert "Traceback" not in proc.stderr

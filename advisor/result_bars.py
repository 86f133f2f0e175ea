"""A result as bars in a terminal: the same picture as the bot's PNG (knowledge/chart_png.py), drawn with rich
for `advisor chat` and the table of `advisor assess`.

Why text marks as well as colours: the output is often piped or read without colour, so what is reached
(✓) and how far a route has come (█ against ░) must show in plain text too.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from knowledge.chart_labels import Lang, level_name, percent, policy_line, route_label, text, title, type_label
from knowledge.result_chart import ResultChart, TypeBar

BAR_WIDTH = 20  # cells of a route's progress bar
ROUTE_STYLES = {"certificate": "blue", "training": "dark_orange"}


def progress_bar(fraction: float, style: str, width: int = BAR_WIDTH) -> Text:
    """`width` cells, filled in proportion; never full before the route is met, never empty once started."""
    value = max(0.0, min(1.0, fraction))
    filled = round(value * width)
    if value < 1:
        filled = min(filled, width - 1)
    if value > 0:
        filled = max(filled, 1)
    return Text.assemble(("█" * filled, style), ("░" * (width - filled), "grey50"))


def _ladder(bar: TypeBar) -> Text:
    """The type's levels in order, those reached marked ✓."""
    ladder = Text()
    for k, level in enumerate(bar.ladder):
        if k:
            ladder.append(" → ", style="grey50")
        ladder.append(f"✓ {level}" if k < bar.rank else level, style="bold green" if k < bar.rank else "grey50")
    return ladder


def _level_line(bar: TypeBar, lang: Lang) -> Text:
    """「等級：初階」, and that nothing is above it when the top of the ladder is reached."""
    line = Text(f"  {text('level', lang, level=level_name(bar.level, lang))}", style="green" if bar.rank else "")
    if bar.next_level is None:
        line.append(f" · {text('top', lang)}", style="grey50")
    return line


def result_bars(chart: ResultChart, lang: Lang, heading: bool = True) -> Group:
    """Per type: its ladder and the level reached; under it, per route, a bar toward the next level with its
    percentage and rule id. `heading=False` leaves out the title (a table above already has one). Fits 80
    columns in both languages; narrower terminals wrap the labels, never the bars. Every cell is a `Text`,
    so a console's highlighter never recolours the numbers."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column()
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    for bar in chart.bars:
        grid.add_row(Text(type_label(bar, lang), style="bold"), _ladder(bar), "")
        grid.add_row(_level_line(bar, lang), "", "")
        for route in bar.progress:
            style = ROUTE_STYLES.get(route.route, "white")
            label, share = Text(f"  {route_label(bar, route, lang)}"), Text(percent(route.fraction))
            grid.add_row(label, progress_bar(route.fraction, style), share)
    parts: list[Text | Table] = []
    if heading:
        parts.append(Text(title(chart, lang), style="bold"))
    parts += [Text(policy_line(chart, lang), style="grey50"), grid, Text(text("source", lang), style="grey50")]
    return Group(*parts)

"""A result as a picture (PNG): per competency type, the level reached on its ladder and how far each route
has come toward the next level. The bot sends it as a photo before the result's text.

Why Pillow and a bundled font: the picture must show Traditional Chinese wherever the bot runs, and a
server rarely has a CJK font; Noto Sans CJK (SIL Open Font License 1.1) ships in the `manimgx-fonts-cjk`
package. The same chart gives the same bytes (no timestamps, a fixed layout and palette), so a test can
compare the photo the bot sent with the chart of the same answers.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from knowledge.chart_labels import (
    Lang,
    level_name,
    percent,
    policy_line,
    route_label,
    route_name,
    text,
    title,
    type_label,
)
from knowledge.result_chart import ResultChart, TypeBar

FONT_FILE = "NotoSansCJK-VF.otf.ttc"
FONT_FAMILY = "Noto Sans CJK TC"  # the collection's Traditional Chinese (Taiwan) face
MAX_FACES = 64  # a collection never has more; the search stops at the first index that does not open

WIDTH = 1000
MARGIN = 32
LABEL_RIGHT = 428  # type and route labels end here
TRACK_LEFT, TRACK_RIGHT = 440, 820  # the ladder and the route bars
VALUE_LEFT = 832  # the level reached, the percentages
ROWS_TOP, ROW_HEIGHT = 140, 86
PALETTE_COLOURS = 64

RGB = tuple[int, int, int]
BACKGROUND: RGB = (255, 255, 255)
INK: RGB = (33, 37, 41)
MUTED: RGB = (108, 117, 125)
RULE: RGB = (222, 226, 230)
REACHED: RGB = (38, 132, 110)
OPEN: RGB = (220, 225, 230)
TRACK: RGB = (238, 241, 244)
ROUTE_COLOURS: dict[str, RGB] = {"certificate": (52, 110, 190), "training": (224, 132, 36)}

# FreeType faces are shared by the cached fonts and are not safe to use from two threads at once; the bot
# renders in worker threads, so drawing is serialised (a picture takes a few tens of milliseconds).
_DRAW_LOCK = threading.Lock()


def font_path() -> Path:
    """The font collection beside `manimgx_fonts_cjk/__init__.py`."""
    import manimgx_fonts_cjk

    return Path(manimgx_fonts_cjk.__file__).with_name(FONT_FILE)


@lru_cache(maxsize=1)
def font_index() -> int:
    """The index of the Traditional Chinese face, found by its family name: the order of the faces in a
    collection is the packager's choice and may change between releases."""
    path = font_path()
    for index in range(MAX_FACES):
        try:
            face = ImageFont.truetype(str(path), 12, index=index)
        except OSError:
            break
        if face.getname()[0] == FONT_FAMILY:
            return index
    raise LookupError(f"no {FONT_FAMILY!r} face in {path}")


@cache
def load_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Noto Sans CJK TC at `size` pixels, Regular or Bold (named instances of the variable font). The basic
    layout engine: the same glyph positions whether or not libraqm is installed."""
    face = ImageFont.truetype(str(font_path()), size, index=font_index(), layout_engine=ImageFont.Layout.BASIC)
    face.set_variation_by_name("Bold" if bold else "Regular")
    return face


@dataclass(frozen=True)
class Label:
    text: str
    xy: tuple[int, int]
    size: int
    bold: bool = False
    fill: RGB = INK
    anchor: str = "lm"  # left, vertical middle (see Pillow's text anchors)


@dataclass(frozen=True)
class Box:
    xy: tuple[int, int, int, int]
    fill: RGB
    radius: int = 0


def _fitted(content: str, size: int, bold: bool, width: int) -> int:
    """The largest size up to `size` at which `content` fits in `width` pixels (never below 10)."""
    while size > 10 and load_font(size, bold).getlength(content) > width:
        size -= 1
    return size


def _label(content: str, xy: tuple[int, int], size: int, bold: bool = False, fill: RGB = INK, width: int = 0) -> Label:
    return Label(content, xy, _fitted(content, size, bold, width) if width else size, bold, fill)


def layout(chart: ResultChart, lang: Lang) -> tuple[list[Box], list[Label]]:
    """Where everything goes: shapes, then the texts drawn over them. Pure apart from measuring text, so
    the tests can read every string the picture shows and where the title is."""
    boxes: list[Box] = []
    labels = [
        _label(title(chart, lang), (MARGIN, 34), 26, bold=True, width=WIDTH - 2 * MARGIN),
        _label(policy_line(chart, lang), (MARGIN, 68), 15, fill=MUTED, width=WIDTH - 2 * MARGIN),
    ]
    x = MARGIN
    legend = [(REACHED, text("legend_reached", lang)), (OPEN, text("legend_open", lang))]
    legend += [(colour, route_name(route, lang)) for route, colour in ROUTE_COLOURS.items()]
    for colour, name in legend:
        boxes.append(Box((x, 90, x + 14, 104), colour, 3))
        labels.append(_label(name, (x + 20, 97), 14))
        x += 20 + int(load_font(14).getlength(name)) + 24
    labels.append(_label(text("legend_progress", lang), (MARGIN, 118), 13, fill=MUTED, width=WIDTH - 2 * MARGIN))

    for i, bar in enumerate(chart.bars):
        top = ROWS_TOP + i * ROW_HEIGHT
        if i:
            boxes.append(Box((MARGIN, top - 9, WIDTH - MARGIN, top - 8), RULE))
        row_boxes, row_labels = _row(bar, lang, top)
        boxes += row_boxes
        labels += row_labels
    labels.append(_label(text("source", lang), (MARGIN, height(chart) - 16), 13, fill=MUTED))
    return boxes, labels


def height(chart: ResultChart) -> int:
    """600 pixels for the guideline's five types."""
    return ROWS_TOP + ROW_HEIGHT * len(chart.bars) + 30


def _row(bar: TypeBar, lang: Lang, top: int) -> tuple[list[Box], list[Label]]:
    """One type: its name, its ladder with the levels reached filled, the level reached, and under them one
    bar per route toward the next level (or a note that the top is reached)."""
    boxes: list[Box] = []
    labels = [_label(type_label(bar, lang), (MARGIN, top + 12), 18, bold=True, width=LABEL_RIGHT - MARGIN)]
    gap = 4
    step = (TRACK_RIGHT - TRACK_LEFT - gap * (len(bar.ladder) - 1)) // max(1, len(bar.ladder))
    for k, level in enumerate(bar.ladder):
        left, met = TRACK_LEFT + k * (step + gap), k < bar.rank
        boxes.append(Box((left, top, left + step, top + 24), REACHED if met else OPEN, 5))
        labels.append(
            Label(level_name(level, lang), (left + step // 2, top + 12), 14, met, BACKGROUND if met else MUTED, "mm")
        )
    colour = REACHED if bar.rank else MUTED
    labels.append(_label(level_name(bar.level, lang), (VALUE_LEFT, top + 12), 15, True, colour, WIDTH - VALUE_LEFT))
    if bar.next_level is None:
        labels.append(_label(text("top", lang), (MARGIN + 20, top + 38), 14, fill=MUTED))
    for j, route in enumerate(bar.progress):
        middle = top + 38 + j * 22
        labels.append(_label(route_label(bar, route, lang), (MARGIN + 20, middle), 14, width=LABEL_RIGHT - MARGIN - 20))
        boxes.append(Box((TRACK_LEFT, middle - 6, TRACK_RIGHT, middle + 6), TRACK, 6))
        filled = round((TRACK_RIGHT - TRACK_LEFT) * max(0.0, min(1.0, route.fraction)))
        if filled:  # at least as wide as its rounded ends, so 1% still shows as a sliver
            boxes.append(
                Box((TRACK_LEFT, middle - 6, TRACK_LEFT + max(filled, 12), middle + 6), _colour(route.route), 6)
            )
        labels.append(_label(percent(route.fraction), (VALUE_LEFT, middle), 14))
    return boxes, labels


def _colour(route: str) -> RGB:
    return ROUTE_COLOURS.get(route, MUTED)


def render_png(chart: ResultChart, lang: Lang) -> bytes:
    """The chart as PNG bytes: 1000×600 pixels, about 30 kilobytes."""
    with _DRAW_LOCK:
        boxes, labels = layout(chart, lang)
        image = Image.new("RGB", (WIDTH, height(chart)), BACKGROUND)
        draw = ImageDraw.Draw(image)
        for box in boxes:
            if box.radius:
                draw.rounded_rectangle(box.xy, box.radius, fill=box.fill)
            else:
                draw.rectangle(box.xy, fill=box.fill)
        for label in labels:
            draw.text(
                label.xy, label.text, fill=label.fill, font=load_font(label.size, label.bold), anchor=label.anchor
            )
    # a palette of 64 colours (no dithering) looks the same here and takes a third of the bytes
    palette = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

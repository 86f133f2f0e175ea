"""The PNG of a result (knowledge/chart_png.py): a valid image, the same bytes for the same chart, and
Traditional Chinese drawn as real glyphs, never as the boxes ("tofu") a font draws for what it lacks."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.chart_labels import LEVEL_GLOSS, POLICY_NAMES, ROUTE_NAMES, TEXT
from knowledge.chart_png import (
    FONT_FAMILY,
    ROUTE_COLOURS,
    TRACK_LEFT,
    TRACK_RIGHT,
    WIDTH,
    font_index,
    font_path,
    layout,
    load_font,
    render_png,
)
from knowledge.profile import parse_profile
from knowledge.result_chart import ResultChart, RouteProgress, TypeBar, chart_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "knowledge" / "examples").glob("*.json"))
LANGS = ("zh", "en")
# Characters no font here has: U+10FFFD (a private-use code point) and U+0378 (unassigned). Whatever a font
# draws for them is its "missing glyph" (.notdef), the box that a label in a font without CJK would show.
MISSING = ("\U0010fffd", "\u0378")


def _mask(font: ImageFont.FreeTypeFont, ch: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(ch)
    return mask.size, bytes(mask)


def has_glyph(font: ImageFont.FreeTypeFont, ch: str) -> bool:
    """The font draws `ch` as something else than what it draws for characters it lacks."""
    return all(_mask(font, ch) != _mask(font, missing) for missing in MISSING)


@pytest.fixture(scope="module")
def charts(catalog: Catalog) -> list[ResultChart]:
    """The charts of the bundled example profiles, and one made up to show every kind of row."""
    from_examples = [
        chart_of(assess(parse_profile(json.loads(p.read_text("utf-8")), catalog), catalog)) for p in EXAMPLES
    ]
    return [*from_examples, made_up_chart()]


def made_up_chart(fraction: float = 0.5) -> ResultChart:
    """All five types: the top reached, a level reached and one to go, nothing reached, 0 % and 100 %."""
    routes = (RouteProgress("certificate", "T2-A-C1", fraction), RouteProgress("training", "T2-A-H1", 1.0))
    bars = (
        TypeBar("一", "AI 應用素養", "AI Literacy", "具備", 1, ("具備",), None, ()),
        TypeBar("二", "AI 工具應用", "AI Tool Application", "初階", 1, ("初階", "進階"), "進階", routes),
        TypeBar("三", "AI 程式語言應用", "AI Programming Application", "未達", 0, ("具備",), "具備", routes),
        TypeBar("四", "AI 模型訓練", "AI Model Training", "未達", 0, ("具備",), "具備", routes),
        TypeBar(
            "五",
            "AI 服務開發",
            "AI Service Development",
            "未達",
            0,
            ("具備",),
            "具備",
            (RouteProgress("certificate", "T5-C1", 0.0), RouteProgress("training", "T5-H1", 0.0)),
        ),
    )
    return ResultChart("115v3.0", "both", bars)


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGB")


@pytest.mark.parametrize("lang", LANGS)
def test_a_valid_small_png_of_the_expected_size(charts: list[ResultChart], lang: str) -> None:
    for chart in charts:
        png = render_png(chart, lang)
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) < 150_000
        with Image.open(io.BytesIO(png)) as image:
            assert image.format == "PNG" and image.size == (WIDTH, 600)
            image.verify()


def test_the_same_chart_gives_the_same_bytes(charts: list[ResultChart]) -> None:
    first = {(i, lang): render_png(chart, lang) for i, chart in enumerate(charts) for lang in LANGS}
    again = {(i, lang): render_png(chart, lang) for i, chart in reversed(list(enumerate(charts))) for lang in LANGS}
    assert first == again
    assert len(set(first.values())) == len(first), "each chart and language has a picture of its own"
    assert render_png(ResultChart.from_dict(charts[0].to_dict()), "zh") == first[(0, "zh")]  # as kept in the outbox


def test_the_font_is_the_traditional_chinese_face_found_by_name() -> None:
    assert font_path().is_file()
    with_index = ImageFont.truetype(str(font_path()), 12, index=font_index())
    assert with_index.getname()[0] == FONT_FAMILY == "Noto Sans CJK TC"
    assert load_font(18, bold=True).getname() == (FONT_FAMILY, "Bold")
    assert load_font(18).getname() == (FONT_FAMILY, "Regular")
    assert load_font(18) is load_font(18), "fonts are loaded once"


def _all_texts(charts: list[ResultChart]) -> set[tuple[str, int, bool]]:
    """Every string the pictures draw, with its size and weight, and every label they could draw."""
    drawn = {
        (label.text, label.size, label.bold) for chart in charts for lang in LANGS for label in layout(chart, lang)[1]
    }
    possible = [v for texts in TEXT.values() for v in texts.values()]
    possible += [v for names in (*ROUTE_NAMES.values(), *POLICY_NAMES.values()) for v in names.values()]
    possible += list(LEVEL_GLOSS)
    return drawn | {(text, 14, bold) for text in possible for bold in (False, True)}


def test_every_character_drawn_is_a_real_glyph(charts: list[ResultChart]) -> None:
    texts = _all_texts(charts)
    checked = 0
    for text, size, bold in texts:
        font = load_font(size, bold)
        for ch in set(text) - {" "}:
            assert has_glyph(font, ch), f"{ch!r} (U+{ord(ch):04X}) of {text!r} is drawn as a missing glyph"
            checked += not ch.isascii()
    assert checked > 100, "the labels have Chinese characters to check"


def test_the_glyph_check_catches_a_font_without_chinese(charts: list[ResultChart]) -> None:
    """The check above can fail: a Latin-only font (the one Pillow always ships) draws the labels' Chinese as
    missing glyphs."""
    latin = ImageFont.load_default(size=18)
    assert has_glyph(latin, "A") and has_glyph(latin, "5")
    chinese = {ch for text, _, _ in _all_texts(charts) for ch in text if "\u4e00" <= ch <= "\u9fff"}
    assert chinese and not any(has_glyph(latin, ch) for ch in chinese)


@pytest.mark.parametrize("lang", LANGS)
def test_the_title_is_drawn_where_it_is_laid_out(charts: list[ResultChart], lang: str) -> None:
    chart = charts[0]
    title = layout(chart, lang)[1][0]
    assert title.text.startswith("AI ") and "115v3.0" in title.text
    box = ImageDraw.Draw(Image.new("RGB", (1, 1))).textbbox(
        title.xy, title.text, font=load_font(title.size, title.bold), anchor=title.anchor
    )
    image = _image(render_png(chart, lang))
    region = image.crop(box)
    ink = sum(count for count, pixel in _colours(region) if sum(pixel) < 300)
    assert ink > 0.08 * region.width * region.height, "the title's region is (nearly) empty"
    right_of_it = image.crop((box[2] + 10, box[1], WIDTH - 8, box[3]))
    assert all(min(pixel) >= 250 for _, pixel in _colours(right_of_it)), "the title is where it was laid out"


def _colours(image: Image.Image) -> list[tuple[int, tuple[int, int, int]]]:
    return image.getcolors(image.width * image.height) or []


def test_labels_in_each_language() -> None:
    chart = made_up_chart()
    zh = [label.text for label in layout(chart, "zh")[1]]
    en = [label.text for label in layout(chart, "en")[1]]
    assert zh[0] == "AI 產業人才能力自我評估（指引 115v3.0）" and "出處：附件(二) 表5" in zh
    assert "一、AI 應用素養" in zh and "→ 進階：證照途徑 T2-A-C1" in zh and "未達" in zh
    assert "一 AI 應用素養 (AI Literacy)" in en and "Source: 附件(二) 表5" in en
    assert "→ 進階 (advanced): certificate route T2-A-C1" in en and "未達 (not reached)" in en
    assert {"50%", "100%", "0%"} <= set(zh)


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.9])
def test_a_route_bar_is_filled_in_proportion(fraction: float) -> None:
    """The certificate route of type 二 (the second row): its blue part is `fraction` of the track."""
    chart = made_up_chart(fraction)
    [route] = [label for label in layout(chart, "zh")[1] if label.text == "→ 進階：證照途徑 T2-A-C1"]
    image = _image(render_png(chart, "zh"))
    blue = ROUTE_COLOURS["certificate"]
    y = route.xy[1]
    filled = sum(
        1
        for x in range(TRACK_LEFT, TRACK_RIGHT)
        if all(abs(a - b) < 24 for a, b in zip(image.getpixel((x, y)), blue, strict=True))
    )
    assert abs(filled - fraction * (TRACK_RIGHT - TRACK_LEFT)) <= 4

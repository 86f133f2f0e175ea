"""Chunks follow the guideline's structure and keep table context."""

from __future__ import annotations

from knowledge.catalog import Catalog
from rag.ingest import guideline_chunks


def test_table_rows_carry_table_headers_and_group(catalog: Catalog) -> None:
    chunks = guideline_chunks(catalog)
    row = next(
        c for c in chunks if c.kind == "table_row" and "AWS Certified AI Practitioner" in c.text and c.table == "表6"
    )
    assert row.section == "附件(三) 表6"
    assert "分類：素養類" in row.text and "辦理單位：Amazon Web Services, Inc." in row.text
    assert "表6 AI產業人才能力認證參考表" in row.title
    assert len([c for c in chunks if c.table == "表6" and c.kind == "table_row"]) == 24


def test_every_chunk_cites_a_known_section(catalog: Catalog) -> None:
    labels = set(catalog.section_labels())
    chunks = guideline_chunks(catalog)
    assert {c.section for c in chunks} <= labels
    assert len({c.id for c in chunks}) == len(chunks)
    parts = {c.part for c in chunks}
    assert {"前言", "附件(六)", "附件(七)", "參、AI 產業人才生態系夥伴"} <= parts


def test_long_rows_are_split_per_bullet_keeping_the_row_name(catalog: Catalog) -> None:
    pieces = [c for c in guideline_chunks(catalog) if c.table == "表9" and "資料科學家" in c.text]
    assert len(pieces) > 1
    assert all("常見職稱：資料科學家" in p.text for p in pieces)

"""The structured data against the guideline text: names, counts, citations, load errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from knowledge.catalog import DATA_DIR, GUIDELINE_PATH, Catalog, load_catalog
from knowledge.errors import DataFileError

GUIDELINE = GUIDELINE_PATH.read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


SQUASHED = _squash(GUIDELINE)


def in_guideline(text: str) -> bool:
    return _squash(text) in SQUASHED


def test_counts(catalog: Catalog) -> None:
    assert len(catalog.talent.categories) == 3
    assert len(catalog.types) == 5
    assert sum(len(t.items) for t in catalog.types) == 11
    assert len(catalog.cert_categories.categories) == 3
    assert len(catalog.certifications) == 24
    assert [len(catalog.certs_in(c)) for c in ("素養類", "工具類", "專案類")] == [11, 6, 7]


def test_every_certification_name_and_issuer_is_printed_in_table6(catalog: Catalog) -> None:
    table6 = GUIDELINE.split("#### 表6")[1].split("\n## ")[0]
    rows = {
        (cells[1].rstrip("*"), cells[2]): cells[0]
        for cells in (
            [c.strip() for c in line.strip("|").split(" | ")] for line in table6.splitlines() if line.startswith("| ")
        )
        if len(cells) == 3 and cells[0] != "分類"
    }
    assert len(rows) == 24
    for cert in catalog.certifications:
        assert rows.get((cert.name, cert.issuer)) == cert.category, cert.id


def test_tool_certifications_have_a_domain_with_a_reason(catalog: Catalog) -> None:
    for cert in catalog.certs_in("工具類"):
        assert cert.tool_domain in catalog.rules.tool_items
        assert cert.tool_domain_reason


def test_roles_titles_tools_and_industries_appear_in_the_guideline(catalog: Catalog) -> None:
    for role in catalog.role_list:
        for title in role.titles:
            assert in_guideline(title), title
    for t in catalog.rules.types:
        for group in t.reference_tools:
            for tool in group.tools:
                assert in_guideline(tool), tool
    for s in catalog.industries.scenarios:
        assert in_guideline(s.industry) and in_guideline(s.contribution), s.industry
    for t in catalog.types:
        assert in_guideline(t.name)
        for item in t.items:
            assert in_guideline(item.name) and in_guideline(item.description), item.name
    for r in catalog.resources.resources:
        assert in_guideline(r.name) and in_guideline(r.download)
    for step in catalog.responsible_ai.risk_management_steps:
        assert in_guideline(step.name) and in_guideline(step.text)
    for risk in catalog.responsible_ai.risk_classes.classes:
        assert in_guideline(risk.name)


def test_metadata_matches_the_colophon(catalog: Catalog) -> None:
    doc = catalog.document
    for value in (doc.version, doc.published, doc.phone, doc.address, doc.website):
        assert in_guideline(value), value


def test_every_section_label_has_a_heading(catalog: Catalog) -> None:
    headings = [line for line in GUIDELINE.splitlines() if line.startswith("#")]
    for section in catalog.document.sections:
        part = section.label.split(" ")[0]
        assert any(h.startswith("## ") and part in h for h in headings), section.label
        for ref in [*section.tables, *section.figures]:
            assert sum(h.startswith(f"#### {ref} ") for h in headings) == 1, ref


def test_figure3_is_one_clean_table_without_repetition() -> None:
    figure3 = GUIDELINE.split("#### 圖3")[1].split("\n## ")[0]
    assert figure3.count("EEC 企業電子化人工智慧應用師") == 1


def test_no_html_fragments_left() -> None:
    assert "<ul" not in GUIDELINE and "<li" not in GUIDELINE and "<p>" not in GUIDELINE


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_load_error_names_file_entry_and_problem(data_copy: Path) -> None:
    path = data_copy / "certifications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("category: 專案類", "category: 研究類", 1), encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        load_catalog(data_copy)
    assert info.value.file == "certifications.yaml"
    assert "tqc-plus-ml" in info.value.entry and "category" in info.value.entry
    assert "素養類" in info.value.problem


def test_unknown_source_section_is_rejected(data_copy: Path) -> None:
    path = data_copy / "roles.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("source: 附件(四) 表9", "source: 附件(四) 表12", 1), encoding="utf-8"
    )
    with pytest.raises(DataFileError) as info:
        load_catalog(data_copy)
    assert info.value.file == "roles.yaml" and "表12" in info.value.problem


def test_missing_certification_breaks_the_count(data_copy: Path) -> None:
    path = data_copy / "certifications.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ibm-ai-engineering")
    end = text.index("  - id: google-cloud-pmle")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataFileError, match="專案類: 6 entries"):
        load_catalog(data_copy)


def test_duplicate_alias_is_rejected(data_copy: Path) -> None:
    path = data_copy / "certifications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("aliases: [AIELC,", "aliases: [AIATCL,", 1), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="also names"):
        load_catalog(data_copy)

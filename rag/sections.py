"""Citable section labels and their titles, read from the guideline's own headings."""

from __future__ import annotations

import re

from knowledge.catalog import GUIDELINE_PATH, Catalog


def section_titles(catalog: Catalog) -> dict[str, str]:
    """{"附件(三) 表6": "AI產業人才能力認證參考表", "附件(六)": "AI 產業人才的負責任意識", …}"""
    titles = {s.label: s.title for s in catalog.document.sections}
    labels = sorted(titles, key=len, reverse=True)
    part = ""
    for line in GUIDELINE_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            part = next((label for label in labels if heading.startswith(label)), heading)
        match = re.match(r"^#{3,6}\s+((?:表|圖)\d+)\s+(.*)$", line)
        if match and part:
            titles[f"{part} {match.group(1)}"] = match.group(2).strip()
    return titles


def cite(sections: list[str]) -> str:
    """「出處：附件(三) 表6、三、AI 產業人才能力認證分類 表3」"""
    return "出處：" + "、".join(dict.fromkeys(sections))


def cite_en(sections: list[str]) -> str:
    return "Source: " + "; ".join(dict.fromkeys(sections))

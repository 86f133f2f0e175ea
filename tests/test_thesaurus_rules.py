"""The rules the thesaurus header promises, enforced (rag/data/thesaurus.yaml)."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from knowledge.catalog import GUIDELINE_PATH
from rag.textnorm import to_traditional
from rag.understanding import DATA

THESAURUS = yaml.safe_load((DATA / "thesaurus.yaml").read_text(encoding="utf-8"))
GUIDELINE = re.sub(r"\s+", "", GUIDELINE_PATH.read_text(encoding="utf-8")).lower()
ENTRIES = [(section, k, v) for section in ("synonyms", "english") for k, v in (THESAURUS.get(section) or {}).items()]


@pytest.mark.parametrize(("section", "key", "values"), ENTRIES, ids=[f"{s}:{k}" for s, k, _ in ENTRIES])
def test_entry_keeps_the_header_rules(section: str, key: str, values: list[str]) -> None:
    assert key == unicodedata.normalize("NFKC", key).lower(), "keys are in normalised form"
    if section == "synonyms":
        assert to_traditional(key) == key, "a key s2twp rewrites could never match"
        assert re.search(r"[\u3400-\u9fff]", key), "Latin-only keys belong under `english` (whole-word matching)"
    assert isinstance(values, list) and 1 <= len(values) <= 3, "each key has 1–3 values"
    for value in values:
        assert value.lower() != key, "no key maps to itself"
        assert re.sub(r"\s+", "", value).lower() in GUIDELINE, f"value {value!r} is not a term of the guideline"


def test_keys_are_unique_within_each_mapping() -> None:
    for section in ("synonyms", "english"):
        text = (DATA / "thesaurus.yaml").read_text(encoding="utf-8")
        block = text.split(f"\n{section}:\n", 1)[1]
        block = re.split(r"\n[a-z_]+:\n", block, maxsplit=1)[0]
        keys = re.findall(r"^  ([^#\s][^:]*):", block, flags=re.MULTILINE)
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})

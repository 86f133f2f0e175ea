"""The guideline as structured, validated data: loading and lookups.

Why: every answer and every assessment must come from the guideline; one loader validates all data
files together (schema, counts, cross references, `source` citations) so that a broken data file
fails loudly at start-up with the file, entry and problem, never silently at answer time.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.errors import DataFileError, UnknownCertificationError
from knowledge.models import (
    CareerFile,
    CertCategory,
    Certification,
    CertificationCategoriesFile,
    CertificationsFile,
    CompetenciesFile,
    CompetencyType,
    DocumentInfo,
    IndustriesFile,
    ResourcesFile,
    ResponsibleAIFile,
    Role,
    RolesFile,
    RuleTable,
    TalentCategoriesFile,
)
from knowledge.textnorm import match_key
from knowledge.yamlfile import load_yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent
DATA_DIR = KNOWLEDGE_DIR / "data"
GUIDELINE_PATH = KNOWLEDGE_DIR / "guideline.md"

M = TypeVar("M", bound=BaseModel)

FILES: dict[str, type[BaseModel]] = {
    "document.yaml": DocumentInfo,
    "talent_categories.yaml": TalentCategoriesFile,
    "competencies.yaml": CompetenciesFile,
    "certification_categories.yaml": CertificationCategoriesFile,
    "certifications.yaml": CertificationsFile,
    "assessment_rules.yaml": RuleTable,
    "roles.yaml": RolesFile,
    "industries.yaml": IndustriesFile,
    "career.yaml": CareerFile,
    "responsible_ai.yaml": ResponsibleAIFile,
    "resources.yaml": ResourcesFile,
}

EXPECTED_COUNTS = {"素養類": 11, "工具類": 6, "專案類": 7}


def _entry_path(raw: Any, loc: tuple[Any, ...]) -> str:
    """Render a pydantic error location as `certifications[3] (id=aws-ai-practitioner).issuer`."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and key < len(node) and isinstance(node[key], dict):
                ident = node[key].get("id") or node[key].get("name") or node[key].get("type")
                if ident:
                    label += f" ({ident})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(key))
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
    return "".join(parts) or "(file)"


def _load_file(path: Path, model: type[M]) -> M:
    name = path.name
    if not path.is_file():
        raise DataFileError(name, "(file)", "file is missing")
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(name, "(file)", f"not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DataFileError(name, _entry_path(raw, tuple(first["loc"])), first["msg"]) from exc


def _walk_sources(node: Any, path: str) -> list[tuple[str, str]]:
    """Every (entry path, source string) pair in a validated model tree."""
    found: list[tuple[str, str]] = []
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name == "source" and isinstance(value, str):
                found.append((f"{path}.source".lstrip("."), value))
            else:
                found.extend(_walk_sources(value, f"{path}.{name}"))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            found.extend(_walk_sources(item, f"{path}[{i}]"))
    return found


@dataclass(frozen=True)
class Catalog:
    """All knowledge files, validated and cross-checked; read-only."""

    data_dir: Path
    document: DocumentInfo
    talent: TalentCategoriesFile
    competencies: CompetenciesFile
    cert_categories: CertificationCategoriesFile
    certs: CertificationsFile
    rules: RuleTable
    roles: RolesFile
    industries: IndustriesFile
    career: CareerFile
    responsible_ai: ResponsibleAIFile
    resources: ResourcesFile
    _name_index: dict[str, str] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ convenience views
    @property
    def version(self) -> str:
        return self.document.version

    @property
    def certifications(self) -> list[Certification]:
        return self.certs.certifications

    @property
    def types(self) -> list[CompetencyType]:
        return self.competencies.types

    @property
    def role_list(self) -> list[Role]:
        return self.roles.roles

    @cached_property
    def _by_id(self) -> dict[str, Certification]:
        return {c.id: c for c in self.certifications}

    def certs_in(self, category: CertCategory) -> list[Certification]:
        return [c for c in self.certifications if c.category == category]

    def competency_type(self, name: str) -> CompetencyType:
        for t in self.types:
            if t.name == name:
                return t
        raise KeyError(name)

    def section_labels(self) -> list[str]:
        """Every citable section: part labels and `part 表N` / `part 圖N`."""
        labels: list[str] = []
        for s in self.document.sections:
            labels.append(s.label)
            labels.extend(f"{s.label} {t}" for t in [*s.tables, *s.figures])
        return labels

    # ------------------------------------------------------------------ certification lookup
    def find_certification(self, text: str) -> Certification | None:
        """By id, printed name or alias, ignoring case, spaces, width and dash style."""
        cert_id = self._name_index.get(match_key(text))
        return self._by_id[cert_id] if cert_id else None

    def certification(self, text: str, field_name: str = "certifications") -> Certification:
        found = self.find_certification(text)
        if found is None:
            raise UnknownCertificationError(text, self.closest_certifications(text), field_name)
        return found

    def closest_certifications(self, text: str, limit: int = 3) -> list[str]:
        key = match_key(text)
        scored: dict[str, float] = {}
        for alias_key, cert_id in self._name_index.items():
            ratio = difflib.SequenceMatcher(None, key, alias_key).ratio()
            if key and (key in alias_key or alias_key in key):
                ratio = max(ratio, 0.75)
            if ratio > scored.get(cert_id, 0.0):
                scored[cert_id] = ratio
        best = sorted((r, cid) for cid, r in scored.items() if r >= 0.45)
        best.sort(key=lambda pair: (-pair[0], pair[1]))
        return [self._by_id[cid].name for _, cid in best[:limit]]

    def content_hash(self) -> str:
        """Hash of every knowledge file: changes whenever the guideline text or data change."""
        digest = hashlib.sha256()
        for path in sorted([*self.data_dir.glob("*.yaml"), GUIDELINE_PATH]):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()


def _cross_check(cat: Catalog) -> None:
    labels = set(cat.section_labels())
    for file_name, attr in [
        ("document.yaml", "document"),
        ("talent_categories.yaml", "talent"),
        ("competencies.yaml", "competencies"),
        ("certification_categories.yaml", "cert_categories"),
        ("certifications.yaml", "certs"),
        ("assessment_rules.yaml", "rules"),
        ("roles.yaml", "roles"),
        ("industries.yaml", "industries"),
        ("career.yaml", "career"),
        ("responsible_ai.yaml", "responsible_ai"),
        ("resources.yaml", "resources"),
    ]:
        for entry, source in _walk_sources(getattr(cat, attr), ""):
            if source not in labels:
                raise DataFileError(file_name, entry, f"source 「{source}」 names no section of the guideline")

    ids: set[str] = set()
    for i, c in enumerate(cat.certifications):
        if c.id in ids:
            raise DataFileError("certifications.yaml", f"certifications[{i}] ({c.id})", "duplicate id")
        ids.add(c.id)
    for category, expected in EXPECTED_COUNTS.items():
        got = len(cat.certs_in(category))  # type: ignore[arg-type]
        if got != expected:
            raise DataFileError(
                "certifications.yaml", "certifications", f"{category}: {got} entries, 表6 has {expected}"
            )

    type_names = [t.name for t in cat.types]
    if len(type_names) != 5 or len({i.number for t in cat.types for i in t.items}) != 11:
        raise DataFileError("competencies.yaml", "types", "表2 has 5 competency types and 11 items")
    if [t.type for t in cat.rules.types] != type_names:
        raise DataFileError("assessment_rules.yaml", "types", "must list the five types of 表2 in order")
    if cat.rules.guideline_version != cat.version or cat.certs.guideline_version != cat.version:
        raise DataFileError("assessment_rules.yaml", "guideline_version", f"must be {cat.version}")
    if len(cat.talent.categories) != 3 or len(cat.cert_categories.categories) != 3:
        raise DataFileError("talent_categories.yaml", "categories", "表1 and 表3 have 3 entries each")


def _build_name_index(certs: list[Certification]) -> dict[str, str]:
    index: dict[str, str] = {}
    for i, c in enumerate(certs):
        for text in [c.id, c.name, c.name_en, *c.aliases]:
            key = match_key(text)
            owner = index.setdefault(key, c.id)
            if owner != c.id:
                raise DataFileError(
                    "certifications.yaml",
                    f"certifications[{i}] ({c.id})",
                    f"name or alias 「{text}」 also names {owner}",
                )
    return index


_CACHE: dict[Path, Catalog] = {}


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Load and validate every knowledge file once per directory (no I/O at import time)."""
    directory = (data_dir or DATA_DIR).resolve()
    if directory in _CACHE:
        return _CACHE[directory]
    loaded = {name: _load_file(directory / name, model) for name, model in FILES.items()}
    certs = loaded["certifications.yaml"].certifications  # type: ignore[attr-defined]
    cat = Catalog(
        data_dir=directory,
        document=loaded["document.yaml"],  # type: ignore[arg-type]
        talent=loaded["talent_categories.yaml"],  # type: ignore[arg-type]
        competencies=loaded["competencies.yaml"],  # type: ignore[arg-type]
        cert_categories=loaded["certification_categories.yaml"],  # type: ignore[arg-type]
        certs=loaded["certifications.yaml"],  # type: ignore[arg-type]
        rules=loaded["assessment_rules.yaml"],  # type: ignore[arg-type]
        roles=loaded["roles.yaml"],  # type: ignore[arg-type]
        industries=loaded["industries.yaml"],  # type: ignore[arg-type]
        career=loaded["career.yaml"],  # type: ignore[arg-type]
        responsible_ai=loaded["responsible_ai.yaml"],  # type: ignore[arg-type]
        resources=loaded["resources.yaml"],  # type: ignore[arg-type]
        _name_index=_build_name_index(certs),
    )
    _cross_check(cat)
    _CACHE[directory] = cat
    return cat

"""Typed models of the knowledge data files (`knowledge/data/*.yaml`).

Why: the guideline's facts live in data files, not code; validating them at load time (unknown keys
forbidden, enumerations checked) turns a typo in a data file into a clear error instead of a wrong
answer shown to a user.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

CertCategory = Literal["素養類", "工具類", "專案類"]
# The one spelling of the 表3 categories in code, in the guideline's order; everything else imports it.
CERT_CATEGORIES: tuple[CertCategory, ...] = get_args(CertCategory)
TOOL_CATEGORY: CertCategory = "工具類"  # the category whose certificates carry a tool domain (表5 進階)
ToolItem = Literal["文書", "圖文", "影像", "音源", "自動化"]
TypeName = Literal["AI 應用素養", "AI 工具應用", "AI 程式語言應用", "AI 模型訓練", "AI 服務開發"]
TalentCategoryName = Literal["AI 研究人才", "AI 開發人才", "AI 應用人才"]
Level = Literal["未達", "初階", "進階", "具備"]
Route = Literal["certificate", "training"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- document.yaml
class Person(Strict):
    name: str
    name_en: str


class SectionInfo(Strict):
    label: str
    title: str
    tables: list[str] = []
    figures: list[str] = []


class DocumentInfo(Strict):
    title: str
    title_en: str
    version: str
    published: str
    published_en: str
    supervisor: Person
    planners: list[Person]
    executor: Person
    phone: str
    website: str
    address: str
    source: str
    update_highlights: list[str]
    sections: list[SectionInfo]


# --------------------------------------------------------------------------- talent_categories.yaml
class TalentCategory(Strict):
    name: TalentCategoryName
    name_en: str
    aliases: list[str] = []  # 「做開發的」 is thesaurus; these are names ("the dev one", 「研發人才」)
    duties: list[str]
    role: str
    competency_types: list[TypeName]
    # words people use of their own current work that point here (表1's duties in everyday wording):
    # 「我在研究新的演算法、投了一篇論文」 → 研究人才; read by rag/own_work.py, longest first
    work_signals: list[str] = []
    source: str


class TalentCategoriesFile(Strict):
    source: str
    categories: list[TalentCategory] = Field(min_length=1)


# --------------------------------------------------------------------------- competencies.yaml
class CompetencyItem(Strict):
    number: int = Field(ge=1, le=11)
    name: str
    name_en: str
    description: str
    description_en: str | None = None  # 表2's description said in English, for English replies
    details: list[str] = []
    tool_item: ToolItem | None = None
    source: str


class CompetencyType(Strict):
    name: TypeName
    number: str
    name_en: str
    aliases: list[str] = []
    talent_category: TalentCategoryName
    also_needed_by: TalentCategoryName | None = None
    program_level: Literal["No-code", "Low-code", "Pro-code"]
    key_contents: list[str]
    certification_categories: list[CertCategory]
    source: str
    items: list[CompetencyItem] = Field(min_length=1)


class CompetenciesFile(Strict):
    source: str
    types: list[CompetencyType]


# --------------------------------------------------------------------------- certification_categories.yaml
class CertificationCategory(Strict):
    name: CertCategory
    name_en: str
    competency_types: list[TypeName]
    focus: str
    focus_en: str  # our English gloss of `focus`, for English answers (the Chinese stays the source)
    certifies: list[str]
    aim: str
    # the sentence of its section (三、(一)(二)(三)) that says what such certificates assess, in the
    # guideline's words (「涵蓋資料收集、模型建置、系統部署等流程」)
    description: str = ""
    description_en: str = ""  # our English gloss of `description`, for English answers
    # words that describe an exam of this category in a user's own account of it (「考學員用 AI 工具生成圖片」):
    # how a certification body's own exam is matched to 表3 (our reading of 表3's descriptions, not the text)
    described_by: list[str] = []
    source: str


class CertificationCategoriesFile(Strict):
    source: str
    categories: list[CertificationCategory]


# --------------------------------------------------------------------------- certifications.yaml
class Certification(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    name_en: str
    aliases: list[str] = []
    issuer: str
    issuer_en: str
    category: CertCategory
    scope: Literal["國內", "國際"]
    figure3_types: list[TypeName] = []
    tool_domain: ToolItem | None = None
    tool_domain_reason: str | None = None
    notes: list[str] = []
    replaces: str | None = None  # the retired exam this one follows (表6's note: AI-900 → AI-901)
    source: str

    @model_validator(mode="after")
    def _replacement_noted(self) -> Certification:
        if self.replaces and not any(self.replaces in note for note in self.notes):
            raise ValueError(f"replaces {self.replaces!r}: the note that says so (表6) must be kept in notes")
        return self

    @model_validator(mode="after")
    def _tool_domain_only_for_tools(self) -> Certification:
        if self.category == TOOL_CATEGORY and (self.tool_domain is None or not self.tool_domain_reason):
            raise ValueError("a 工具類 certification needs tool_domain and tool_domain_reason")
        if self.category != TOOL_CATEGORY and self.tool_domain is not None:
            raise ValueError("only 工具類 certifications have a tool_domain")
        return self


class CertificationsFile(Strict):
    guideline_version: str
    source: str
    certifications: list[Certification]


# --------------------------------------------------------------------------- assessment_rules.yaml
Measure = Literal[
    "cert_素養類",
    "cert_工具類",
    "cert_專案類",
    "tool_domains",
    "literacy",
    "tool_total",
    "tool_kinds",
    "tool_max_item",
    "programming",
    "model_training",
    "service_dev",
]


class MeasureInfo(Strict):
    label: str
    short: str
    unit: str
    label_en: str  # for English answers: 「尚缺 工具類證照 1 張」 → "1 more tool-category (工具類) certificate"
    # measures whose value this one is part of: a single tool item's hours are part of the tool total
    counts_toward: list[str] = []
    # English for counts and sums: "2 more tool (工具類) certificates"; "AI 工具應用 (AI tool) + … training combined"
    plural_en: str | None = None
    short_en: str | None = None
    unit_en: str = ""  # after a value in English ("20/18 hours"); empty where the label names the thing counted


class Condition(Strict):
    measures: list[Measure] = Field(min_length=1)
    threshold: float = Field(gt=0)


class Rule(Strict):
    id: str
    route: Route
    text: str
    text_en: str  # our English gloss of `text` (表5's wording stays the source)
    conditions: list[Condition] = Field(min_length=1)


class LevelRules(Strict):
    level: Level
    rules: list[Rule] = Field(min_length=1)


class ToolGroup(Strict):
    group: str
    tools: list[str]


class TypeRules(Strict):
    type: TypeName
    number: str
    name_en: str
    figure3_group: TypeName | None
    reference_tools: list[ToolGroup]
    levels: list[LevelRules] = Field(min_length=1)
    note: str = ""  # 表5's own note under the type's row (三: 「註：AI 程式應用為…非傳統語法訓練。」)


class Term(Strict):
    """A term of the rule table with its English gloss (`label` is the Chinese wording where it has one)."""

    label: str = ""
    label_en: str


class TalentCategoryRule(Strict):
    category: TalentCategoryName
    requires: dict[TypeName, Level]
    mode: Literal["all", "any"]


class RuleTable(Strict):
    guideline_version: str
    source: str
    max_hours: float = Field(gt=0)
    tool_items: list[ToolItem]
    measures: dict[Measure, MeasureInfo]
    types: list[TypeRules]
    talent_categories: list[TalentCategoryRule]
    bridge_type: TypeName
    # English glosses of 表5's level names, the two evidence routes and the evidence policies
    levels: dict[Level, Term]
    routes: dict[Route, Term]
    policies: dict[Literal["either", "both"], Term]

    @model_validator(mode="after")
    def _every_term_glossed(self) -> RuleTable:
        for name, terms, expected in (
            ("levels", self.levels, get_args(Level)),
            ("routes", self.routes, get_args(Route)),
            ("policies", self.policies, ("either", "both")),
        ):
            missing = [key for key in expected if key not in terms]
            if missing:
                raise ValueError(f"{name}: no English gloss for {missing}")
        return self


# --------------------------------------------------------------------------- roles.yaml, industries.yaml
class Archetype(Strict):
    name: str
    name_en: str
    aliases: list[str] = []  # "AI value-added", "adoption type"
    positioning: str
    example_titles: str
    description: str
    work_signals: list[str] = []  # one's own work in everyday words that fits this role (表7's positioning)
    source: str


class Role(Strict):
    id: str
    name: str
    name_en: str
    titles: list[str]
    aliases: list[str] = []
    talent_category: TalentCategoryName
    archetype: Literal["AI 加值型", "AI 導入型"] | None = None
    # what 表8 notes beside a title (「角色介於AI應用與AI開發之間」), said in English for English replies
    note_en: str | None = None
    positioning: str
    duties: list[str]
    skills: list[str]
    source: str


class RolesFile(Strict):
    source: str
    application_archetypes: list[Archetype]
    roles: list[Role]


class IndustryScenario(Strict):
    industry: str
    aliases: list[str] = []
    industry_en: str
    talent_category: TalentCategoryName
    scenarios: list[str]
    contribution: str
    source: str


class IndustriesFile(Strict):
    source: str
    scenarios: list[IndustryScenario]


# --------------------------------------------------------------------------- career.yaml
class NamedText(Strict):
    name: str
    name_en: str
    text: str


class Foundations(Strict):
    note: str
    items: list[NamedText]
    source: str


class StartingPoint(Strict):
    name: str
    name_en: str
    suits: list[TalentCategoryName]
    text: str
    signals: list[str] = []  # words that place a person here (「歷史系」「資工」): which routes to show them


class CareerRoute(Strict):
    name: str
    # how people name the route in passing (「資料的路」 "the data track"): our words, not the guideline's
    aliases: list[str] = []
    steps: list[str]
    key_skills: list[str] = []
    # words by which people say they are at a step now (「寫 Java 後端」 → 軟 (硬) 體工程師): where the
    # route goes on from for them; not the guideline's words, our reading of who stands where
    positions: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _positions_are_steps(self) -> CareerRoute:
        unknown = [step for step in self.positions if step not in self.steps]
        if unknown:
            raise ValueError(f"route {self.name}: positions name steps it does not have: {unknown}")
        return self


class CareerPath(Strict):
    talent_category: TalentCategoryName
    name_en: str
    routes: list[CareerRoute]
    key_skills: list[str]
    cross_domain: list[str]
    source: str


class CareerFile(Strict):
    source: str
    foundations: Foundations
    starting_points: list[StartingPoint]
    paths: list[CareerPath]
    soft_skills: list[NamedText]
    figure4_legend: list[str]


# --------------------------------------------------------------------------- responsible_ai.yaml
class Dimension(Strict):
    name: str
    name_en: str
    aliases: list[str] = []  # how people name the dimension (「責任算誰的」「個資」)
    heading: str
    points: list[str]
    points_en: list[str] = []  # the same points said in English (one for each, in order), for English replies
    # what 附件(六) goes on to say about this dimension, shown when more is asked (「風險辨識多講一點」):
    # the risk classes and the risk-management steps belong to 風險辨識
    see_also: list[Literal["classes", "steps"]] = []
    # words of a use case that bring this dimension in beside the one named (「用 ChatGPT 初篩履歷」: 履歷 are
    # personal data, so 隱私保護 joins 風險辨識 when what to watch is asked)
    implied_by: list[str] = []
    # words of an incident that place it in this dimension when which dimension is asked (「這屬於哪個構面」
    # "which dimension is that"): English words especially, which the Chinese passage cannot share
    incident_words: list[str] = []
    source: str

    @model_validator(mode="after")
    def _points_en_match(self) -> Dimension:
        if self.points_en and len(self.points_en) != len(self.points):
            raise ValueError(f"{self.name}: points_en must say each of the {len(self.points)} points, in order")
        return self


class RiskStep(Strict):
    number: int
    name: str
    name_en: str
    text: str


class RiskClass(Strict):
    key: str
    name: str
    name_en: str


class RiskClasses(Strict):
    note: str
    classes: list[RiskClass]


class ResponsibleAIFile(Strict):
    source: str
    frameworks: list[str]
    dimensions: list[Dimension]
    risk_management_steps: list[RiskStep]
    # the sentence that introduces the steps (who sets them up, under which law), in the guideline's words
    risk_management_intro: str = ""
    risk_classes: RiskClasses


# --------------------------------------------------------------------------- resources.yaml
class Resource(Strict):
    name: str
    name_en: str
    aliases: list[str] = []
    developers: list[str]
    covers: list[str]
    competency_types: list[TypeName]
    audience: str
    download: str
    source: str
    details: list[
        str
    ] = []  # the guideline's own further sentences on it (「兼顧知識理解、技能操作與倫理態度三個層面」)


class ResourcesFile(Strict):
    source: str
    resources: list[Resource]
    relation: str
    usage_note: str

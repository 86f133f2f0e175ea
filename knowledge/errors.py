"""Domain exceptions: raised by `knowledge/`, turned into user-facing text only at the edges."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class for every error the domain layer raises on purpose."""


class DataFileError(KnowledgeError):
    """A knowledge data file is missing or invalid: names the file, the entry and the problem."""

    def __init__(self, file: str, entry: str, problem: str) -> None:
        self.file, self.entry, self.problem = file, entry, problem
        super().__init__(f"{file}: {entry}: {problem}")


class ProfileError(KnowledgeError):
    """A self-assessment profile is invalid; `field` is the dotted path of the offending value."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": self.field, "message": self.message}}


class UnknownCertificationError(ProfileError):
    """A certification name or id that is not in 表6; carries the closest catalog names."""

    def __init__(self, name: str, suggestions: list[str], field: str = "certifications") -> None:
        self.name, self.suggestions = name, suggestions
        hint = f"最接近的是：{'、'.join(suggestions)}。" if suggestions else ""
        message = (
            f"找不到認證「{name}」：它不在表6 AI產業人才能力認證參考表中。{hint}"
            "若是表6以外的證照，請改用 self_declared 並註明分類。"
        )
        super().__init__(field, message)

"""Where settings come from: the same data directory and .env from any working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.settings import PROJECT_ROOT, Settings


def test_the_data_directory_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATA_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.data_dir == PROJECT_ROOT / "data" and settings.data_dir.is_absolute()


def test_a_dotenv_in_the_working_directory_is_read_over_the_projects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TOP_K", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("TOP_K=7\n", encoding="utf-8")
    assert Settings().top_k == 7
    monkeypatch.setenv("TOP_K", "9")  # the environment wins over any file
    assert Settings().top_k == 9


@pytest.mark.parametrize(("value", "expected"), [("debug", "DEBUG"), (" Warning ", "WARNING")])
def test_log_levels_are_read_in_any_case(value: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", value)
    assert Settings(_env_file=None).log_level == expected


def test_python_dash_m_and_version() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "advisor", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("advisor ") and "115v3.0" in proc.stdout


@pytest.mark.parametrize("name", ["DATA_DIR", "CHROMA_PATH"])
def test_a_file_where_a_directory_belongs_is_a_configuration_error(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pydantic import ValidationError

    a_file = tmp_path / "not-a-directory"
    a_file.write_text("x", encoding="utf-8")
    monkeypatch.setenv(name, str(a_file))
    with pytest.raises(ValidationError, match="is a file"):
        Settings(_env_file=None)

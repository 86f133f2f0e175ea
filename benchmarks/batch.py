"""HR batch benchmark: `advisor assess --batch` end to end on 10,000 generated people, from a CSV and
from an XLSX file, as a subprocess (start-up, reading, assessing, summary, output). Prints a Markdown
table for the README; the target is ≤ 10 s per input file on a 2-core machine.

    .venv/bin/python -m benchmarks.batch [--people N] [--rounds R]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from advisor.batch_input import CERTIFICATIONS, PERSON, POLICY, SELF_DECLARED, batch_columns, hour_columns
from knowledge.catalog import Catalog, load_catalog
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY
from knowledge.profile import POLICIES

ADVISOR = str(Path(sys.executable).parent / "advisor")
TARGET_S = 10.0
HOUR_STEPS = (0, 0, 0, 4, 6, 8, 12, 12.5, 16, 18, 20, 24, 30, 36, 48)  # most people have a few areas only
BAD_EVERY = 250  # one row in 250 refused (a negative or textual hours cell), so the error path is timed too


def generate_people(count: int, catalog: Catalog, seed: int = 115) -> list[dict[str, object]]:
    """Varied people: catalog names, ids and aliases, self-declared certificates, hours, both policies."""
    rng = random.Random(seed)
    names = [text for cert in catalog.certifications for text in (cert.id, cert.name, *cert.aliases)]
    hours = hour_columns(catalog)
    rows: list[dict[str, object]] = []
    for i in range(count):
        row: dict[str, object] = {PERSON: f"E{i + 1:05d}"}
        row[CERTIFICATIONS] = ";".join(rng.sample(names, rng.choice((0, 0, 1, 1, 2, 3))))
        if rng.random() < 0.15:
            category = rng.choice(CERT_CATEGORIES)
            domain = rng.choice(catalog.rules.tool_items) if category == TOOL_CATEGORY and rng.random() < 0.5 else ""
            row[SELF_DECLARED] = f"內部 AI 證照 {rng.randint(1, 40)}|{category}|{domain}".rstrip("|")
        for column in hours:
            row[column] = rng.choice(HOUR_STEPS) or ""
        row[POLICY] = rng.choice(("", "", *POLICIES))
        if i % BAD_EVERY == BAD_EVERY - 1:
            row[rng.choice(hours)] = rng.choice((-3, "十八"))
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[dict[str, object]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[dict[str, object]], columns: list[str]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("people")
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c) if row.get(c) != "" else None for c in columns])
    workbook.save(path)


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one `advisor` run, its output read through a pipe
    as a script would; exit 1 (some rows refused) is the expected outcome here."""
    started = time.perf_counter()
    proc = subprocess.Popen([ADVISOR, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    while proc.stdout.read(1 << 20):
        pass
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"advisor {' '.join(args)} exited {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="runs per case; the median is reported")
    args = parser.parse_args(argv)
    catalog = load_catalog()
    columns = batch_columns(catalog)
    rows = generate_people(args.people, catalog)
    print(f"| input ({args.people:,} people) | output | time (median of {args.rounds}) | peak memory | target |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = {"CSV": folder / "team.csv", "XLSX": folder / "team.xlsx"}
        write_csv(inputs["CSV"], rows, columns)
        write_xlsx(inputs["XLSX"], rows, columns)
        # the target is for the plain command; the file and JSON outputs are timed for the record
        outputs = {
            "plain text": ([], True),
            "`--out team-out.xlsx`": (["--out", str(folder / "team-out.xlsx")], False),
            "`--json` (every full result)": (["--json"], False),
        }
        for kind, path in inputs.items():
            for label, (extra, targeted) in outputs.items():
                runs = [run_once(["assess", "--batch", str(path), *extra]) for _ in range(args.rounds)]
                times = [t for t, _ in runs]
                median = statistics.median(times)
                spread = f"{min(times):.2f}–{max(times):.2f}"
                verdict = (f"≤ {TARGET_S:g} s — " + ("met" if median <= TARGET_S else "NOT met")) if targeted else ""
                peak = max(m for _, m in runs)
                print(f"| {kind} | {label} | {median:.2f} s ({spread}) | {peak:.0f} MB | {verdict} |")
    print(f"\n{os.cpu_count()} CPUs, Python {sys.version.split()[0]}; one row in {BAD_EVERY} refused on purpose.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Re-baseline `known_failures.txt` after brandlint changes, and print why each case fails.

    python -m tests.vale_compat.update_known_failures [--report FILE] [--write]

Runs every scenario as the suite does. Without `--write` it only prints what would change:
scenarios that now pass (their lines go) and scenarios that now fail with no line (they come
in as `unclassified`; give each a reason category by reading its report). With `--write` it
rewrites the file, keeping the header and the reasons of the lines that stay. `--report`
writes every failing scenario's diff to FILE.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.vale_compat.harness import Unsupported, cases, check_case, skip_reason, vale_interface
from tests.vale_compat.test_vale_features import KNOWN_FAILURES


def run(report_path: str | None) -> dict[str, str]:
    """id -> one-line report head, for every scenario that fails."""
    failing: dict[str, str] = {}
    report: list[str] = []
    for case in cases():
        if skip_reason(case):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                verdict = check_case(case, Path(tmp))
            except Unsupported as exc:
                failing[case.id] = str(exc)
                report.append(f"=== {case.id}\n{exc}\n")
                continue
        if not verdict.ok:
            failing[case.id] = verdict.report.splitlines()[0]
            report.append(f"=== {case.id}\n{verdict.report}\n")
    if report_path:
        Path(report_path).write_text("\n".join(report) + "\n", encoding="utf-8")
    return failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", metavar="FILE")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if not vale_interface():
        print("brandlint's CLI has no --format vale-json / --vale-config: nothing to run")
        return 2
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    header = [x for x in lines if x.startswith("#") or not x.strip()]
    while header and not header[-1].strip():
        header.pop()
    entries = {}
    for raw in lines:
        if raw.startswith("#") or not raw.strip():
            continue
        case_id, _, rest = raw.partition("\t")
        entries[case_id.strip()] = rest
    failing = run(args.report)
    gone = sorted(set(entries) - set(failing))
    new = sorted(set(failing) - set(entries))
    for case_id in gone:
        print(f"passes now, line removed: {case_id}")
    for case_id in new:
        print(f"fails, no line yet (unclassified): {case_id}\n    {failing[case_id]}")
    print(f"{len(failing)} failing; {len(gone)} to remove; {len(new)} to add")
    if args.write:
        out = [*header, ""]
        for case in cases():
            if case.id in failing:
                out.append(f"{case.id}\t{entries.get(case.id, 'unclassified')}")
        KNOWN_FAILURES.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

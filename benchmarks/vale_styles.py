"""Words per second with Vale's official Microsoft and Google styles, beside brandlint's
built-in packs, on the same real Markdown files.

usage: python benchmarks/vale_styles.py CORPUS STYLES [--jobs 2] [--limit N] [--only NAME]

CORPUS is a folder of Markdown files (read recursively), STYLES a Vale StylesPath holding
`Microsoft/` and `Google/`; benchmarks/README.md says how to get both with the `fetch`
tool. Each guide is run three ways: the command line over the folder with `--jobs`
(start-up included, as CI runs it), in this process on one core with a warm workspace, and
in this process on `--jobs` cores (`brandlint.parallel.lint_files`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VALE_GUIDE = "name: bench-{name}\nallow_outside_project: true\nextends:\n  - {{styles}}/{style}\n"
GUIDES = {
    "Microsoft": VALE_GUIDE.format(name="microsoft", style="Microsoft"),
    "Google": VALE_GUIDE.format(name="google", style="Google"),
    "built-in packs": (
        "name: bench-packs\nextends:\n"
        + "".join(
            f"  - brandlint:{pack}\n"
            for pack in ("plain-language", "inclusive", "hype", "tone", "readability")
        )
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("styles", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--only", default="", help="one guide: Microsoft, Google or packs")
    args = parser.parse_args()

    paths = sorted(str(p) for p in args.corpus.rglob("*.md"))
    if args.limit:
        paths = paths[: args.limit]
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    print(f"corpus: {len(paths)} files, {words} words ({args.corpus})")
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")

    folder = Path(tempfile.mkdtemp(prefix="brandlint-vale-bench-"))
    for name, text in GUIDES.items():
        if args.only and not name.startswith(args.only):
            continue
        guide = folder / f"{name.split()[0].lower()}.yaml"
        guide.write_text(text.format(styles=args.styles.resolve()), encoding="utf-8")
        cli = whole_process(guide, paths, args.jobs)
        one, alerts = in_process(guide, paths, 1)
        many, _ = in_process(guide, paths, args.jobs)
        print(
            f"{name:15} CLI --jobs {args.jobs} {words / cli:9.0f} words/s ({cli:6.2f} s)  "
            f"in-process 1 core {words / one:9.0f}  {args.jobs} cores {words / many:9.0f}  "
            f"({alerts} alerts)"
        )
    shutil.rmtree(folder)


def whole_process(guide: Path, paths: list[str], jobs: int) -> float:
    """Seconds for `brandlint check` over the files, start-up included."""
    command = [sys.executable, "-m", "brandlint", "check", "--guide", str(guide)]
    command += ["--jobs", str(jobs), "--format", "json", "--output", os.devnull, *paths]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def in_process(guide: Path, paths: list[str], jobs: int) -> tuple[float, int]:
    """Seconds and alerts for linting the files with a warm workspace on `jobs` cores."""
    from brandlint.parallel import lint_files
    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings(guide=str(guide)))
    workspace.lint_text("Warm up the pipeline and the matchers.", paths[0])
    start = time.perf_counter()
    alerts = sum(len(found) for _, found in lint_files(workspace, paths, jobs))
    return time.perf_counter() - start, alerts


if __name__ == "__main__":
    main()

"""Words per second with Vale's official Microsoft and Google styles, beside brandlint's
built-in packs, on the same real Markdown files.

usage: python benchmarks/vale_styles.py CORPUS STYLES [--jobs 2] [--limit N] [--only NAME]
                                     [--profile N]

CORPUS is a folder of Markdown files (read recursively), STYLES a Vale StylesPath holding
`Microsoft/` and `Google/`; benchmarks/README.md says how to get both with the `fetch`
tool. Each guide is run three ways: the command line over the folder with `--jobs`
(start-up included, as CI runs it), and in this process on one core and on `--jobs` cores,
both through `brandlint.parallel.lint_files` as the command runs them, from a workspace
with the guide loaded (first-use loads counted in both, but for spaCy's import: the
2-core run comes after the 1-core run in this process; the CLI column counts it). Each
is given per wall second and per CPU second (user + system, workers included): on a
machine other jobs load, only the CPU figures compare across runs. The floor beside
them is what markdown-it's parse of the files and spaCy's tokenizer over their copy
alone reach, in CPU seconds.
With `--profile N`, each guide's one-core run is also profiled (cProfile, which slows
it down: its figures are then left out) and its N costliest functions are printed.
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

from _corpus import cpu_seconds

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
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest calls")
    args = parser.parse_args()

    paths = sorted(str(p) for p in args.corpus.rglob("*.md"))
    if args.limit:
        paths = paths[: args.limit]
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)
    print(f"corpus: {len(paths)} files, {words} words ({args.corpus})")
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    parse, tokenize = floor(paths)
    print(
        f"floor, 1 core: markdown-it parse {words / parse:9.0f} words/CPU-s, spaCy tokenizer "
        f"{words / tokenize:9.0f}, both {words / (parse + tokenize):9.0f}"
    )

    folder = Path(tempfile.mkdtemp(prefix="brandlint-vale-bench-"))
    for name, text in GUIDES.items():
        if args.only and not name.startswith(args.only):
            continue
        guide = folder / f"{name.split()[0].lower()}.yaml"
        guide.write_text(text.format(styles=args.styles.resolve()), encoding="utf-8")
        if args.profile:
            profiled(guide, paths, args.profile)
            continue
        cli, cli_cpu = whole_process(guide, paths, args.jobs)
        one, one_cpu, alerts = in_process(guide, paths, 1)
        many, many_cpu, _ = in_process(guide, paths, args.jobs)
        print(
            f"{name:15} words/s (per CPU-s): CLI --jobs {args.jobs} {words / cli:7.0f} "
            f"({words / cli_cpu:7.0f})  in-process 1 core {words / one:7.0f} "
            f"({words / one_cpu:7.0f})  {args.jobs} cores {words / many:7.0f} "
            f"({words / many_cpu:7.0f})  {alerts} alerts"
        )
    shutil.rmtree(folder)


def whole_process(guide: Path, paths: list[str], jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds for `brandlint check` over the files, start-up included."""
    command = [sys.executable, "-m", "brandlint", "check", "--guide", str(guide)]
    command += ["--jobs", str(jobs), "--format", "json", "--output", os.devnull, *paths]
    start, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, cpu_seconds() - cpu


def in_process(guide: Path, paths: list[str], jobs: int) -> tuple[float, float, int]:
    """Wall and CPU seconds, and alerts, for linting the files on `jobs` cores as the
    command line does (`brandlint.parallel.lint_files`, workers forked after its warm-up
    sample), from a workspace that has loaded the guide and nothing else: on 1 core and
    on `jobs` the first-use loads (pipeline, syllables, models) are paid once and
    counted, so the two CPU figures compare what the workers cost beyond one process."""
    from brandlint.parallel import lint_files
    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings(guide=str(guide)))
    workspace.linter_for(paths[0])  # the command loads every guide before it lints
    start, cpu = time.perf_counter(), cpu_seconds()
    alerts = sum(len(found) for _, found in lint_files(workspace, paths, jobs))
    return time.perf_counter() - start, cpu_seconds() - cpu, alerts


def profiled(guide: Path, paths: list[str], top: int) -> None:
    """Print the `top` functions of the one-core in-process run by their own time: where
    a guide's CPU goes, to pick what to make faster."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(in_process, guide, paths, 1)
    print(f"-- {guide.stem}: the {top} costliest functions (own time), one core")
    pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def floor(paths: list[str]) -> tuple[float, float]:
    """CPU seconds of markdown-it's parse of the files (brandlint's parser settings) and
    of spaCy's tokenizer alone over their copy blocks: what no rule, sentence or position
    map costs, the part of the run brandlint's own code cannot remove."""
    from brandlint.document.markdown import _parser
    from brandlint.nlp.pipelines import Pipelines
    from brandlint.workspace import Settings, Workspace

    sources = [Path(path).read_text(encoding="utf-8") for path in paths]
    workspace = Workspace(Settings())
    copy = []
    for path in paths:
        document = workspace.document(path)
        copy.append([document.block_text(block) for block in document.blocks])
    tokenizer = Pipelines().get("en").nlp.tokenizer
    parser = _parser(False)
    for texts in copy:  # warm the tokenizer's cache, as a long run has it
        list(tokenizer.pipe(texts))
    start = time.process_time()
    for source in sources:
        parser.parse(source)
    parse = time.process_time() - start
    start = time.process_time()
    for texts in copy:
        list(tokenizer.pipe(texts))
    return parse, time.process_time() - start


if __name__ == "__main__":
    main()

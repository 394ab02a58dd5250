"""Start-up: `brandlint check` on a one-line file with the default guide, beside proselint.

usage: python benchmarks/startup.py [--runs 15] [--proselint PATH] [--baseline SRC] [--stages]

`--baseline SRC` adds brandlint run from another source tree (for example `git archive` of
an earlier commit unpacked in /tmp), for before/after figures in the same run.

`--stages` prints where the CPU time of one `brandlint check` goes instead: each stage's own
CPU time (what it calls in another stage counted there), medians over the runs. CPU, not
wall, so the split holds on a machine other jobs load.

Each round runs bare Python, brandlint and proselint once, one after the other, so the
three see the same machine load; the figures are medians over the rounds: wall time, CPU
time (user + system, less sensitive to other processes on a shared machine) and peak RSS.
Python's bytecode cache is kept under a temporary folder when PYTHONDONTWRITEBYTECODE is set,
so brandlint starts as it does once installed (pip writes the cache at install time).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "We leverage our best-in-class synergy to delight customers.\n"

# Run as `python -c STAGES FILE`: `brandlint check FILE` as `brandlint` runs it, each stage's
# own CPU seconds printed as JSON on stderr. Stages nest (the guide loads inside the walk,
# spaCy imports inside the pipeline's build): each counts only what is not in an inner one.
STAGES = r"""
import json, sys, time
start = time.process_time()
own, inner = {}, [0.0]

def timed(name, function):
    def run(*args, **kwargs):
        inner.append(0.0)
        begun = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.process_time() - begun
            nested = inner.pop()
            own[name] = own.get(name, 0.0) + spent - nested
            inner[-1] += spent
    return run

import brandlint.cli.main as cli
begun = time.process_time()
cli._commands()  # as `main` imports the commands: the collector off, then frozen
own["brandlint imports"] = time.process_time() - begun
import brandlint.nlp.pipelines as pipelines
import brandlint.workspace as workspace
pipelines.import_spacy = timed("spaCy import", pipelines.import_spacy)
pipelines.Pipelines._build = timed("blank pipeline", pipelines.Pipelines._build)
workspace.load_guide = timed("guide (compiled-guide cache)", workspace.load_guide)
workspace.Workspace.lint_file = timed("lint (read, tokenize, rules)", workspace.Workspace.lint_file)
cli.main = timed("arguments, walk, report", cli.main)
sys.argv = ["brandlint", "check", sys.argv[1]]

def report():  # `run` ends the process: its at-exit handlers are the last code that runs
    own["python"] = start
    own["total in process"] = time.process_time()
    print(json.dumps(own), file=sys.stderr)

import atexit
atexit.register(report)
cli.run()
"""


def run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MiB of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4 above
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def stages(copy: Path, env: dict[str, str], runs: int) -> None:
    """Median CPU milliseconds of each stage of `brandlint check`, in the process; the
    interpreter's exit is the process's CPU time after the check's end (`run` skips the
    interpreter's teardown: `brandlint.cli.main._end`)."""
    figures: dict[str, list[float]] = {}
    for round_ in range(runs + 1):  # the first warms the disk, bytecode and guide caches
        process = subprocess.Popen(
            [sys.executable, "-c", STAGES, str(copy)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=copy.parent,
            text=True,
        )
        assert process.stderr is not None
        output = process.stderr.read()
        _, _, usage = os.wait4(process.pid, 0)
        process.returncode = 0  # reaped by wait4 above
        own = json.loads(output.splitlines()[-1])
        own["interpreter exit"] = usage.ru_utime + usage.ru_stime - own["total in process"]
        own["total (process)"] = usage.ru_utime + usage.ru_stime
        if round_:
            for name, seconds in own.items():
                figures.setdefault(name, []).append(seconds)
    print(f"load average (1 min) {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs")
    print(f"{'stage':32} {'CPU ms':>8}   (own time, medians of {runs})")
    named = (
        "python",
        "brandlint imports",
        "arguments, walk, report",
        "guide (compiled-guide cache)",
        "spaCy import",
        "blank pipeline",
        "lint (read, tokenize, rules)",
        "interpreter exit",
    )
    medians = {name: 1000 * statistics.median(figures.get(name, [0.0])) for name in named}
    total = 1000 * statistics.median(figures["total (process)"])
    medians["other (cli.main import, timing)"] = total - sum(medians.values())
    medians["total (process)"] = total
    for name, milliseconds in medians.items():
        print(f"{name:32} {milliseconds:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--proselint", default=shutil.which("proselint") or "")
    parser.add_argument("--baseline", default="")
    parser.add_argument("--stages", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="brandlint-startup-"))
    copy = folder / "post.md"
    copy.write_text(LINE, encoding="utf-8")
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", ""):
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    if args.stages:
        stages(copy, env, args.runs)
        shutil.rmtree(folder)
        return
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "brandlint check": [sys.executable, "-m", "brandlint", "check", str(copy)],
    }
    envs = {name: env for name in commands}
    if args.baseline:
        commands["baseline check"] = commands["brandlint check"]
        envs["baseline check"] = {**env, "PYTHONPATH": args.baseline}
    if args.proselint:
        commands["proselint check"] = [args.proselint, "check", str(copy)]
        envs["proselint check"] = env
    else:
        print("proselint not found: pip install proselint in a separate venv, pass --proselint")
    for name, command in commands.items():  # warm the disk and bytecode caches
        run(command, envs[name], folder)

    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    load_before = os.getloadavg()[0]
    for _ in range(args.runs):
        for name, command in commands.items():
            figures[name].append(run(command, envs[name], folder))
    print(
        f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}; "
        f"{os.cpu_count()} CPUs"
    )
    print(f"{'':16} {'wall s':>8} {'CPU s':>8} {'RSS MiB':>8}   (medians of {args.runs})")
    for name, rows in figures.items():
        wall, cpu, rss = (statistics.median(column) for column in zip(*rows, strict=True))
        print(f"{name:16} {wall:8.3f} {cpu:8.3f} {rss:8.1f}")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()

"""Start-up: `brandlint check` on a one-line file with the default guide, beside proselint.

usage: python benchmarks/startup.py [--runs 15] [--proselint PATH] [--baseline SRC]

`--baseline SRC` adds brandlint run from another source tree (for example `git archive` of
an earlier commit unpacked in /tmp), for before/after figures in the same run.

Each round runs bare Python, brandlint and proselint once, one after the other, so the
three see the same machine load; the figures are medians over the rounds: wall time, CPU
time (user + system, less sensitive to other processes on a shared machine) and peak RSS.
Python's bytecode cache is kept under a temporary folder when PYTHONDONTWRITEBYTECODE is set,
so brandlint starts as it does once installed (pip writes the cache at install time).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "We leverage our best-in-class synergy to delight customers.\n"


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--proselint", default=shutil.which("proselint") or "")
    parser.add_argument("--baseline", default="")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="brandlint-startup-"))
    copy = folder / "post.md"
    copy.write_text(LINE, encoding="utf-8")
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", ""):
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
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

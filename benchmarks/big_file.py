"""Report cost on one big file: `--format text` beside `--format json`, and every reporter.

usage: python benchmarks/big_file.py [--size 1000000] [--rounds 3] [--baseline SRC]

Generates a Markdown file of about 1 MB (short paragraphs, most with jargon, hype and
hedges the bundled default guide flags: about 55,000 alerts) in a temporary folder with no
guide above it, then runs `brandlint check --format text` and `--format json` on it, each
a fresh process writing to a file: best wall time, median CPU time (user + system, which
other jobs on a shared machine inflate far less) and peak RSS. Both include the lint, so
their difference is what the reporter costs; a text report that grew quadratically with
the alerts (the source split into lines once per alert) took 9.2 s against 3.4 s for JSON.

Then, in this process (spaCy and the guide loaded first), the file is linted once (CPU
and wall seconds, and the process's peak RSS before and after: what holding the file's
blocks, findings and alerts adds) and each reporter is timed on the same alerts (CPU
seconds): the reporters' own cost, without the lint and start-up around it.
`--baseline SRC` runs the processes from another source tree too (`git archive` of an
earlier commit unpacked in /tmp), for before/after figures under the same load.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each paragraph has a known number of alerts with the default guide.
PARAGRAPHS = [
    "We leverage synergy to utilize best-in-class solutions. Very unique!",  # 5
    "Our team will leverage the new tools.",  # 1
]


def generate(size: int) -> str:
    parts: list[str] = ["# Release notes\n\n"]
    total = len(parts[0])
    n = 0
    while total < size:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)] + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
        n += 1
    return "".join(parts)


def run(command: list[str], out: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run writing to `out`."""
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        # from the file's folder: `python -m` puts the current folder first on the path, so
        # from a checkout it would run that tree's brandlint whatever PYTHONPATH names
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.DEVNULL, env=env, cwd=out.parent
        )
        _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped by wait4 above
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _peak_rss(reset: bool = False) -> str:
    """This process's peak RSS (Linux's VmHWM) in MiB; with `reset`, the peak starts again
    from what the process holds now (the alerts this script read back from JSON pushed it)."""
    try:
        if reset:
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return f"{int(line.split()[1]) / 1024:.0f} MiB"
    except OSError:
        pass
    return "n/a"


def reporters_in_process(path: Path) -> None:
    from brandlint import Settings, Workspace
    from brandlint.reporters import FORMATS, Report, reporter

    workspace = Workspace(Settings())
    workspace.lint_text("Warm up.", path=str(path))  # spaCy and the guide: not the file's cost
    peak = _peak_rss(reset=True)
    start, wall = time.process_time(), time.perf_counter()
    alerts = workspace.lint_file(path)
    cpu, wall = time.process_time() - start, time.perf_counter() - wall
    print(
        f"in process: lint {cpu:.2f} s CPU ({wall:.2f} s wall), {len(alerts):,} alerts; "
        f"peak RSS {peak} warmed, {_peak_rss()} after the lint"
    )
    found = Report(alerts, [str(path)], {str(path): path.read_text(encoding="utf-8")})
    for name in FORMATS:
        out = io.StringIO()
        start = time.process_time()
        reporter(name)(found, out)
        seconds = time.process_time() - start
        print(f"  reporter {name:9} {seconds:6.2f} s CPU, {len(out.getvalue()) / 1e6:5.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of Markdown")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each format")
    parser.add_argument("--baseline", default="", help="another source tree to run beside")
    args = parser.parse_args()
    env = dict(os.environ)
    trees = {"brandlint": env}
    if args.baseline:
        trees["baseline"] = {**env, "PYTHONPATH": args.baseline}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.md"
        path.write_text(generate(args.size), encoding="utf-8")
        if env.pop("PYTHONDONTWRITEBYTECODE", ""):
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        base = [sys.executable, "-m", "brandlint", "check", str(path), "--format"]
        load = os.getloadavg()[0]
        figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
        for _ in range(args.rounds):  # interleaved, so every command sees the same load
            for tree, tree_env in trees.items():
                for name in ("json", "text"):
                    out = Path(folder) / f"{tree}.{name}"
                    figures.setdefault((tree, name), []).append(run([*base, name], out, tree_env))
        count = len(json.loads((Path(folder) / "brandlint.json").read_text(encoding="utf-8")))
        print(f"file: {path.stat().st_size:,} bytes, {count:,} alerts")
        print(f"load average (1 min) before {load:.2f}, after {os.getloadavg()[0]:.2f}")
        print(f"{'':26} {'best wall s':>11} {'CPU s':>7} {'RSS MiB':>8}  (CPU, RSS: medians)")
        cpu: dict[tuple[str, str], float] = {}
        for (tree, name), rows in figures.items():
            wall = min(row[0] for row in rows)
            cpu[tree, name] = statistics.median(row[1] for row in rows)
            rss = statistics.median(row[2] for row in rows)
            label = f"{tree} --format {name}"
            print(f"{label:26} {wall:11.2f} {cpu[tree, name]:7.2f} {rss:8.0f}")
        for tree in trees:
            print(f"{tree}: text / json CPU {cpu[tree, 'text'] / cpu[tree, 'json']:.2f}")
        reporters_in_process(path)


if __name__ == "__main__":
    main()

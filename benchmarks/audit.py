"""Audit at scale: 10,000 generated documents with the Kestrel example guide.

usage: python benchmarks/audit.py [--docs 10000] [--no-peers]

Prints wall and CPU time (the run's processes, workers included) with 1 and 2 workers
(cold, no cache), a cached rerun, peak memory (the largest process), words per second — and,
beside them on the same files, proselint, alex and write-good via ../shared/tools/peers.sh
(which installs them once under /tmp). Targets (issue 16): ≥ 1.9× speed-up on 2 cores,
cached rerun ≤ 5 % of a cold run, throughput at least proselint's. On a machine shared with
other jobs, compare CPU: the cached rerun's against the cold one-worker run's halved (what
two idle cores would take), and see `audit_workers.py` for the speed-up.
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

from _corpus import EXAMPLE_GUIDE, REPO, corpus, words

MEASURE = """
import resource, sys
from brandlint.cli.main import main
code = main(sys.argv[1:])
me, children = (resource.getrusage(resource.RUSAGE_SELF),
                resource.getrusage(resource.RUSAGE_CHILDREN))
print(f"peak-kib {max(me.ru_maxrss, children.ru_maxrss)}", file=sys.stderr)
print(f"main-kib {me.ru_maxrss}", file=sys.stderr)
cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
print(f"cpu-s {cpu}", file=sys.stderr)
"""


def _figure(stderr: str, name: str) -> float:
    return next(float(line.split()[1]) for line in stderr.splitlines() if line.startswith(name))


def audit(folder: Path, *args: str) -> tuple[float, float, int, int]:
    """Wall s, CPU s of all its processes, peak RSS KiB of the largest and of the main one."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, "audit", str(folder), "--guide", str(EXAMPLE_GUIDE), *args],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak, main = (int(_figure(done.stderr, name)) for name in ("peak-kib", "main-kib"))
    return seconds, _figure(done.stderr, "cpu-s"), peak, main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--no-peers", action="store_true", help="brandlint's figures only")
    args = parser.parse_args()
    folder = Path(f"/tmp/brandlint-bench/corpus-{args.docs}")
    paths = corpus(folder, args.docs)
    total = words(paths)
    print(f"corpus: {len(paths)} files, {total} words; load average {os.getloadavg()[0]:.1f}")
    cold, cpu = {}, {}
    for workers in (1, 2):
        seconds, cpu[workers], peak, main = audit(folder, "--workers", str(workers), "--no-cache")
        cold[workers] = seconds
        print(
            f"brandlint audit, {workers} worker{'s' if workers > 1 else ' '} (cold): "
            f"{seconds:6.1f} s  CPU {cpu[workers]:6.1f} s  {total / seconds:8.0f} words/s  "
            f"peak {peak / 1024:.0f} MiB (main process {main / 1024:.0f} MiB)"
        )
    print(f"speed-up on 2 workers: {cold[1] / cold[2]:.2f}x (wall)")
    with tempfile.TemporaryDirectory() as cache:
        audit(folder, "--workers", "2", "--cache", cache)
        seconds, again, peak, _ = audit(folder, "--workers", "2", "--cache", cache)
    print(
        f"brandlint audit, cached rerun:      {seconds:6.1f} s  CPU {again:6.1f} s  "
        f"({100 * seconds / cold[2]:.1f}% of the cold 2-worker run's wall, "
        f"{100 * again / (cpu[1] / 2):.1f}% of the cold 1-worker CPU halved)  "
        f"peak {peak / 1024:.0f} MiB; load average {os.getloadavg()[0]:.1f}"
    )
    peers = REPO.parent / "shared" / "tools" / "peers.sh"
    if not args.no_peers and peers.exists() and shutil.which("npm"):
        done = subprocess.run(["bash", str(peers), str(folder)], capture_output=True, text=True)
        print(done.stdout.strip() or done.stderr.strip())


if __name__ == "__main__":
    main()

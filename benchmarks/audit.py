"""Audit at scale: 10,000 generated documents with the Kestrel example guide.

usage: python benchmarks/audit.py [--docs 10000]

Prints wall time with 1 and 2 workers (cold, no cache), a cached rerun, peak memory (the
largest process), words per second — and, beside them on the same files, proselint, alex
and write-good via ../shared/tools/peers.sh (which installs them once under /tmp).
Targets: ≥ 1.8× speed-up on 2 cores, cached rerun under 10 % of a cold run, throughput at
least proselint's.
"""

from __future__ import annotations

import argparse
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
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"peak-kib {peak}", file=sys.stderr)
"""


def audit(folder: Path, *args: str) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, "audit", str(folder), "--guide", str(EXAMPLE_GUIDE), *args],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    peak = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("peak-kib")
    )
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(f"/tmp/brandlint-bench/corpus-{args.docs}")
    paths = corpus(folder, args.docs)
    total = words(paths)
    print(f"corpus: {len(paths)} files, {total} words")
    cold = {}
    for workers in (1, 2):
        seconds, peak = audit(folder, "--workers", str(workers), "--no-cache")
        cold[workers] = seconds
        print(
            f"brandlint audit, {workers} worker{'s' if workers > 1 else ' '} (cold): "
            f"{seconds:6.1f} s  {total / seconds:8.0f} words/s  peak {peak / 1024:.0f} MiB"
        )
    print(f"speed-up on 2 workers: {cold[1] / cold[2]:.2f}x")
    with tempfile.TemporaryDirectory() as cache:
        audit(folder, "--workers", "2", "--cache", cache)
        seconds, peak = audit(folder, "--workers", "2", "--cache", cache)
    print(
        f"brandlint audit, cached rerun:      {seconds:6.1f} s  "
        f"({100 * seconds / cold[2]:.0f}% of the cold 2-worker run)  peak {peak / 1024:.0f} MiB"
    )
    peers = REPO.parent / "shared" / "tools" / "peers.sh"
    if peers.exists() and shutil.which("npm"):
        done = subprocess.run(["bash", str(peers), str(folder)], capture_output=True, text=True)
        print(done.stdout.strip() or done.stderr.strip())


if __name__ == "__main__":
    main()

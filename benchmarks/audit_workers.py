"""How evenly an audit's work spreads over local workers, in CPU seconds.

usage: python benchmarks/audit_workers.py CORPUS GUIDE [--workers 1,2]

On a machine shared with other jobs, wall time cannot show what two workers gain. This
prints CPU seconds instead: the main process's and each worker's (read inside the workers
before the pool shuts down), for each number of workers, one fresh process per run. The
main process walks, reads and counts; workers lint (one worker is a process of its own
too). With no other load, wall time is about main + the busiest worker (at most; the main
process works while the workers do), so the speed-up of N workers over one is estimated as
(main + worker of the one-worker run) / (main + busiest worker of the N-worker run), and,
with the main process working beside the workers, as the larger of main and worker of the
one-worker run over the busiest worker or all CPU of the N-worker run shared by the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import ClassVar

import brandlint.audit.run as audit_run
from brandlint.audit.run import AuditOptions, run_audit
from brandlint.workspace import Settings


def _cpu() -> tuple[int, float]:
    time.sleep(0.05)  # long enough for every worker to take one of the probes
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return os.getpid(), usage.ru_utime + usage.ru_stime


class MeasuredPool(ProcessPoolExecutor):
    """The audit's own pool, which reads each worker's CPU time as it shuts down."""

    workers: ClassVar[dict[int, float]] = {}

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for future in [self.submit(_cpu) for _ in range(40)]:
            pid, seconds = future.result()
            self.workers[pid] = max(self.workers.get(pid, 0.0), seconds)
        super().shutdown(wait, cancel_futures=cancel_futures)


def measure(corpus: str, guide: str, workers: int) -> dict[str, float | list[float]]:
    """One audit in this process: wall s, main CPU s, each worker's CPU s, peak RSS MiB."""
    audit_run.ProcessPoolExecutor = MeasuredPool  # type: ignore[misc]
    options = AuditOptions([corpus], Settings(guide=guide), workers, cache=None)
    wall, cpu = time.perf_counter(), time.process_time()
    run_audit(options)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peaks = [resource.getrusage(who).ru_maxrss / 1024 for who in (0, -1)]  # self, children
    return {
        "wall": wall,
        "main": cpu,
        "workers": sorted(MeasuredPool.workers.values()),
        "main_mib": peaks[0],
        "worker_mib": peaks[1],
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("guide")
    parser.add_argument("--workers", default="1,2", help="runs, by number of workers")
    parser.add_argument("--run", type=int, help=argparse.SUPPRESS)  # one run, as JSON
    args = parser.parse_args()
    if args.run:
        print(json.dumps(measure(args.corpus, args.guide, args.run)))
        return
    runs = {}
    for workers in [int(n) for n in args.workers.split(",")]:
        command = [sys.executable, __file__, args.corpus, args.guide, "--run", str(workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        run = runs[workers] = json.loads(done.stdout.splitlines()[-1])
        shares = ", ".join(f"{s:.1f}" for s in run["workers"])
        print(
            f"{workers} worker(s): wall {run['wall']:.1f} s, load {run['load']:.1f}; main CPU "
            f"{run['main']:.1f} s; workers CPU [{shares}] s; main + busiest "
            f"{run['main'] + max(run['workers'], default=0.0):.1f} s; peak RSS main "
            f"{run['main_mib']:.0f} MiB, largest worker {run['worker_mib']:.0f} MiB"
        )
    one = runs.get(1)
    for workers, run in runs.items():
        if one is None or workers == 1:
            continue
        # no overlap: main, then the workers; overlap: the main process on a core of its own
        # with one worker, sharing the cores with several
        alone, overlapped = one["main"] + sum(one["workers"]), max(one["main"], *one["workers"])
        busiest = max(run["workers"], default=0.0)
        cores = (run["main"] + sum(run["workers"])) / min(workers + 1, os.cpu_count() or 1)
        print(
            f"{workers} workers over 1, estimated from CPU: {alone / (run['main'] + busiest):.2f}x"
            f" (main, then the workers), {overlapped / max(busiest, cores):.2f}x (main "
            f"overlapping them); wall {one['wall'] / run['wall']:.2f}x"
        )


if __name__ == "__main__":
    main()

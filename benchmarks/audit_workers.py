"""How evenly an audit's work spreads over local workers, in CPU seconds.

usage: python benchmarks/audit_workers.py CORPUS GUIDE [--workers 2]

On a machine shared with other jobs, wall time cannot show what two workers gain. This
prints CPU seconds instead: the main process's and each worker's (read inside the workers
before the pool shuts down), and with `--workers 1` the whole run's. With no other load,
wall time is about main + the busiest worker, so the speed-up over one worker is about
(CPU of one worker's run) / (main + busiest worker).
"""

from __future__ import annotations

import argparse
import os
import resource
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("guide")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    audit_run.ProcessPoolExecutor = MeasuredPool  # type: ignore[misc]
    options = AuditOptions([args.corpus], Settings(guide=args.guide), args.workers, cache=None)
    wall, cpu = time.perf_counter(), time.process_time()
    run_audit(options)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    busiest = max(MeasuredPool.workers.values(), default=0.0)
    shares = ", ".join(f"{s:.1f}" for s in sorted(MeasuredPool.workers.values()))
    print(f"load average {os.getloadavg()[0]:.1f}; {args.workers} worker(s): wall {wall:.1f} s")
    print(f"main CPU {cpu:.1f} s; workers CPU [{shares}] s; main + busiest {cpu + busiest:.1f} s")


if __name__ == "__main__":
    main()

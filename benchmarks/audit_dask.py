"""An audit on a Dask `LocalCluster` of 2 workers beside local processes (2 and 1).

usage: python benchmarks/audit_dask.py [--docs 10000] [--guide GUIDE] [--runs local-1,dask-2]

The generated corpus of the other audit benchmarks (../shared/tools/gen_corpus.py) and the
Kestrel example guide, no result cache. Each run is a fresh process, so none starts with
another's guide or pipelines. On Dask the cluster is started first (a real cluster is
long-lived) and the audit is timed on it: the client compiles the guide, reads the files
and ships both; the workers never open either.

The machine is shared, so beside wall time it prints CPU seconds: the client's (main
process; on Dask it also runs the LocalCluster's scheduler, so the client's own thread is
shown apart) and each worker's, read inside the workers. With the cores to itself, wall time is
about main + the busiest worker, so the estimated speed-up over one local worker is (CPU of
the one-worker run, its main process and its worker) / (main + busiest).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from _corpus import EXAMPLE_GUIDE, corpus, words
from audit_workers import MeasuredPool

import brandlint.audit.run as audit_run
from brandlint.audit.run import AuditOptions, run_audit
from brandlint.workspace import Settings

RUNS = ("local-1", "local-2", "dask-2")


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_run(kind: str, folder: str, guide: str) -> dict[str, object]:
    """Audit `folder` one way, in this process; wall and CPU seconds, alerts found."""
    workers = int(kind.rsplit("-", 1)[1])
    options = AuditOptions([folder], Settings(guide=guide), workers, cache=None)
    shares: list[float] = []
    if kind.startswith("dask"):
        from distributed import LocalCluster

        from brandlint.audit.dask_executor import dask_executor

        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
            ) as cluster,
            dask_executor(cluster.scheduler_address) as executor,
        ):
            before = executor.client.run(_cpu_self)
            wall, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
            result = run_audit(options, executor)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            own = time.thread_time() - own
            after = executor.client.run(_cpu_self)
            shares = [after[a] - before[a] for a in after]
    else:
        audit_run.ProcessPoolExecutor = MeasuredPool  # type: ignore[misc]
        wall, cpu, own = time.perf_counter(), time.process_time(), time.thread_time()
        result = run_audit(options)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        own = time.thread_time() - own
        shares = list(MeasuredPool.workers.values())
    return {
        "kind": kind,
        "wall": wall,
        "main": cpu,
        "client": own,
        "workers": sorted(shares),
        "alerts": result.summary.alerts,
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--guide", default=str(EXAMPLE_GUIDE))
    parser.add_argument("--runs", default=",".join(RUNS), help="of " + ", ".join(RUNS))
    parser.add_argument("--run", choices=RUNS, help=argparse.SUPPRESS)  # one run, as a child
    args = parser.parse_args()
    folder = Path(f"/tmp/brandlint-bench/corpus-{args.docs}")
    if args.run:
        print(json.dumps(one_run(args.run, str(folder), args.guide)))
        return
    paths = corpus(folder, args.docs)
    print(f"corpus: {len(paths)} files, {words(paths)} words; guide {args.guide}")
    found: dict[str, dict[str, float]] = {}
    command = [sys.executable, __file__, "--docs", str(args.docs), "--guide", args.guide]
    for kind in args.runs.split(","):
        done = subprocess.run(
            [*command, "--run", kind],
            capture_output=True,
            text=True,
            check=True,
        )
        run = found[kind] = json.loads(done.stdout.splitlines()[-1])
        serial = run["main"] + max(run["workers"], default=0.0)
        print(
            f"{kind:8} wall {run['wall']:6.1f} s  main CPU {run['main']:5.1f} s "
            f"(client thread {run['client']:5.1f} s)  workers CPU "
            f"[{', '.join(f'{s:.1f}' for s in run['workers'])}] s  main + busiest {serial:5.1f} s"
            f"  alerts {run['alerts']}  load {run['load']:.1f}"
        )
    one = found.get("local-1")
    for kind in [k for k in ("local-2", "dask-2") if one and k in found]:
        run = found[kind]
        busiest = max(run["workers"], default=0.0)
        alone = one["main"] + sum(one["workers"])  # one local worker is a process of its own
        print(
            f"{kind} over local-1: wall {one['wall'] / run['wall']:.2f}x, estimated from CPU "
            f"{alone / (run['main'] + busiest):.2f}x (client thread + busiest: "
            f"{alone / (run['client'] + busiest):.2f}x)"
        )


if __name__ == "__main__":
    main()

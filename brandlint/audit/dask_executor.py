"""Running an audit on a Dask cluster (`brandlint[dask]`): `--executor dask --scheduler ADDR`.

Dask's client offers a standard `concurrent.futures` executor, so the audit runs the same
jobs there as on local processes; each Dask worker builds its own workspace on its first job
(brandlint must be installed on the workers, with the guide reachable at the same path).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from brandlint.core.errors import UsageError


@contextmanager
def dask_executor(scheduler: str) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--executor dask needs Dask: pip install 'brandlint[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client.get_executor()
    finally:
        client.close()

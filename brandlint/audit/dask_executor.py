"""Running an audit on a Dask cluster (`brandlint[dask]`): `--executor dask --scheduler ADDR`.

The audit runs the same jobs on Dask's workers as on local processes, through Dask's own
`concurrent.futures` executor, with two additions for machines that do not share this one's
files (`audit.run` uses them): the client sends each compiled guide to every worker once
(`ship`), and each job carries the bytes of its file. Workers need brandlint, of the same
version as the client (checked on connecting; a worker that joins later checks each job),
and neither the guide nor the corpus.

Guides and jobs travel as pickles, as everything between a Dask client and its workers does:
whoever can reach the scheduler can run code on the workers, so a cluster is a trusted
boundary, to be kept private to the people who run audits on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from brandlint import __version__
from brandlint.core.errors import UsageError

if TYPE_CHECKING:
    from distributed import Client


class DaskExecutor(Executor):
    """Jobs on a Dask cluster, and values sent to all of its workers once."""

    def __init__(self, client: Client) -> None:
        self.client = client
        # not pure: Dask would hash every job's arguments (the files' bytes) to name it
        self._jobs = client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self._jobs.submit(fn, *args, **kwargs)  # type: ignore[no-any-return]

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._jobs.shutdown(wait=wait)

    @property
    def workers(self) -> int:
        """Jobs the cluster runs at once (its worker threads): work is cut in runs for them,
        not for this machine's cores."""
        return max(1, sum(self.client.nthreads().values()))

    def ship(self, value: object) -> object:
        """`value` held by every worker, sent once: the future returned stands for it as a
        job's argument, and each worker reads it from its own memory (one that joins later
        copies it from a peer)."""
        return self.client.scatter(value, broadcast=True, hash=False)


def _brandlint_version() -> str:
    from brandlint import __version__ as version  # the worker's, read when it runs

    return version


def check_versions(client: Client) -> None:
    """Refuse a cluster whose workers run another brandlint, or none: a compiled guide is
    read only by the code that wrote it, and alerts must not depend on the worker."""
    found = client.run(_brandlint_version, on_error="return")
    wrong = sorted((address, v) for address, v in found.items() if v != __version__)
    if wrong:
        shown = "; ".join(
            f"{address} has {v}" if isinstance(v, str) else f"{address} cannot run it ({v})"
            for address, v in wrong
        )
        raise UsageError(
            f"Dask workers must run brandlint {__version__}, as this client does: {shown}; "
            f"install brandlint=={__version__} on every worker"
        )


@contextmanager
def dask_executor(scheduler: str) -> Iterator[DaskExecutor]:
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--executor dask needs Dask: pip install 'brandlint[dask]'") from None
    try:
        client = Client(scheduler, timeout=30)
    except OSError as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        check_versions(client)
        yield DaskExecutor(client)
    finally:
        client.close()

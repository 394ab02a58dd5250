"""Linting many files on several cores.

Each worker process keeps one workspace per settings (spaCy pipelines, guides, matchers are
built once per process, not per file); jobs carry their settings so any process can run any
job. Results come back in the order the files were given.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from brandlint.core.alerts import Alert
from brandlint.workspace import Settings, Workspace

_WORKSPACES: dict[Settings, Workspace] = {}


def workspace_for(settings: Settings) -> Workspace:
    """This process's workspace for `settings`, built on first use."""
    workspace = _WORKSPACES.get(settings)
    if workspace is None:
        workspace = _WORKSPACES[settings] = Workspace(settings)
    return workspace


def _lint(settings: Settings, path: str) -> list[Alert]:
    return workspace_for(settings).lint_file(path)


def lint_files(
    workspace: Workspace, paths: Sequence[str], jobs: int
) -> Iterator[tuple[str, list[Alert]]]:
    """(path, alerts) in the order given; in this process with `workspace`, or on `jobs`
    processes that build their own from its settings."""
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield path, workspace.lint_file(path)
        return
    with ProcessPoolExecutor(jobs) as pool:
        chunk = max(1, min(32, len(paths) // (jobs * 4)))
        found = pool.map(partial(_lint, workspace.settings), paths, chunksize=chunk)
        yield from zip(paths, found, strict=True)

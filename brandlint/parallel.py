"""Linting many files on several cores.

Each worker process keeps one workspace per settings (spaCy pipelines, guides, matchers are
built once per process, not per file); jobs carry their settings so any process can run any
job. Work is handed out in runs of consecutive files of about equal size, not equal count:
a run of ten 200 KB pages and one of ten tweets cost a hundredfold apart, and the worker
that draws the pages finishes last while the other waits. Results stream back in the order
the files were given as soon as each one and all before it are done.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from brandlint.core.alerts import Alert
from brandlint.guide.model import Guide
from brandlint.workspace import Settings, Workspace

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# this process's workspaces, by settings and the fingerprint of the guide they were sent
# ("" for one that finds its guides itself)
_WORKSPACES: dict[tuple[Settings, str], Workspace] = {}
# workspaces kept for guides sent from elsewhere: a long-lived cluster worker serves audit
# after audit, of project after project (an edited guide replaces its earlier version)
KEPT_SHIPPED = 16

Job = TypeVar("Job")
Result = TypeVar("Result")
# what one file costs beyond its bytes (reading, finding its guide, the document's own
# rules), in bytes of copy: a folder of empty files is not free
FILE_COST = 2048
RUNS_PER_WORKER = 16  # the last run to finish is at most ~1/16 of a worker's share
# and at most this much work (a quarter of a second or so): the main process holds a run's
# alerts until the runs before it are done, and reports them as they come
RUN_COST_MAX = 256 * 1024
# the sample that warms a workspace before workers fork from it: a few small files
WARM_UP_FILES = 8
WARM_UP_BYTES = 64 * 1024  # in all, beside the first file


def runs(sizes: Sequence[int], workers: int) -> list[list[int]]:
    """Indices of jobs in runs of consecutive jobs of about equal cost, in the order to
    hand them out. A job costing a run or more stands alone; one costing two runs or more
    (a 5 MB export) goes first, so that it does not start last and finish alone; the rest
    follow in order."""
    costs = [size + FILE_COST for size in sizes]
    target = max(1, min(sum(costs) // (max(workers, 1) * RUNS_PER_WORKER), RUN_COST_MAX))
    found: list[list[int]] = []
    current: list[int] = []
    held = 0
    for index, cost in enumerate(costs):
        if cost >= target and current:  # a big job stands alone, to be handed out first
            found.append(current)
            current, held = [], 0
        current.append(index)
        held += cost
        if held >= target:
            found.append(current)
            current, held = [], 0
    if current:
        found.append(current)
    return sorted(found, key=lambda run: sum(costs[i] for i in run) < 2 * target)


def _run(work: Callable[..., Result], jobs: list[Job], *shared: Any) -> list[Result]:
    return [work(*shared, job) for job in jobs]


def balanced(
    executor: Executor,
    work: Callable[..., Result],
    jobs: Sequence[Job],
    sizes: Sequence[int],
    workers: int,
    *,
    ordered: bool = True,
    shared: tuple[Any, ...] = (),
) -> Iterator[tuple[int, Result]]:
    """(index, work(*shared, job)) for every job, computed on `executor` in runs of about
    equal `sizes`. `ordered`: in the order of `jobs`, each as soon as it and all before it
    are done; else as each run finishes (an audit stores results as they come). `shared`
    goes to every run as it is: a Dask future of data sent to the workers once stays one
    argument that each worker resolves from its own memory."""
    pending = {
        executor.submit(_run, work, [jobs[i] for i in run], *shared): run
        for run in runs(sizes, workers)
    }
    done: dict[int, Result] = {}
    following = 0
    for future in as_completed(pending):
        finished = zip(pending.pop(future), future.result(), strict=True)
        if not ordered:
            yield from finished
            continue
        done.update(finished)
        while following in done:
            yield following, done.pop(following)
            following += 1


def file_size(path: str) -> int:
    """Bytes of `path`, 0 when it cannot be read (its job reports why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


@dataclass(frozen=True)
class ShippedGuide:
    """A guide compiled in one process and sent to another that may not see its files (a
    Dask worker on another machine). The receiver lints as if it had found the guide at
    `path` (where the sender found it: relative globs and the guide's root keep their
    meaning), and keeps it by `fingerprint`, which changes with any of its files."""

    path: str
    fingerprint: str
    guide: Guide


def workspace_for(settings: Settings, shipped: ShippedGuide | None = None) -> Workspace:
    """This process's workspace for `settings`, built on first use; with `shipped`, one
    that lints every document with that guide and never reads the guide's files."""
    key = (settings, shipped.fingerprint if shipped else "")
    workspace = _WORKSPACES.get(key)
    if workspace is not None:
        return workspace
    if shipped is None:
        workspace = Workspace(settings)
    else:
        # the first workspace's pipelines: spaCy's tokenizer is built once a process
        pipelines = next(iter(_WORKSPACES.values())).pipelines if _WORKSPACES else None
        forced = replace(settings, guide=shipped.path)
        workspace = Workspace(forced) if pipelines is None else Workspace(forced, pipelines)
        workspace.adopt_guide(Path(shipped.path), shipped.guide)
        earlier = [k for k, w in _WORKSPACES.items() if k[1] and w.settings == forced]
        held = [k for k in _WORKSPACES if k[1] and k not in earlier]
        for stale in earlier + held[: max(0, len(held) - KEPT_SHIPPED + 1)]:
            del _WORKSPACES[stale]
    _WORKSPACES[key] = workspace
    return workspace


def share(workspace: Workspace) -> None:
    """Let workers forked from now on use `workspace`, warmed here (its guide, pipelines and
    matchers loaded by a first file), instead of building their own: a second of start-up
    each. Where workers are spawned, they build theirs as before."""
    _WORKSPACES.setdefault((workspace.settings, ""), workspace)


def _lint_file(workspace: Workspace, path: str) -> list[Alert]:
    return workspace.lint_file(path)


def _on_worker(settings: Settings, work: Callable[[Workspace, str], Result], path: str) -> Result:
    return work(workspace_for(settings), path)


def warm_up_sample(paths: Sequence[str], sizes: Sequence[int]) -> list[int]:
    """Indices of the files to lint before the workers fork: the first file (it loads the
    guide and the language pipeline), then the first of each other folder and extension (a
    channel, a format), at most `WARM_UP_FILES` and `WARM_UP_BYTES` in all. What a rule
    loads on first use (the syllable table, the HTML and Markdown parsers, a channel's
    limits) is then loaded once here, not once in every worker; the budget keeps the time
    this process lints alone, while the other cores wait, short."""
    chosen = [0]
    seen = {(os.path.dirname(paths[0]), os.path.splitext(paths[0])[1])}
    spent = 0
    for index, path in enumerate(paths):
        if len(chosen) == WARM_UP_FILES:
            break
        kind = (os.path.dirname(path), os.path.splitext(path)[1])
        if kind not in seen and spent + sizes[index] <= WARM_UP_BYTES:
            seen.add(kind)
            chosen.append(index)
            spent += sizes[index]
    return chosen


def warm_rules(workspace: Workspace, paths: Sequence[str]) -> None:
    """Let every rule of the guides of `paths` load what it loads on first use (`warm`):
    the sample warms only the rules its few files wake, and what a rule such as the
    palette loads at the first off-palette colour (coloraide, 0.1–0.2 CPU s) would otherwise
    be loaded again in every worker that meets one. The language pipelines load all their
    tokenizer exceptions for the same reason."""
    linters = {id(linter): linter for linter in map(workspace.linter_for, paths)}
    for linter in linters.values():
        for rule in linter.rules:
            rule.warm()
    workspace.pipelines.complete()


def _fork_context() -> BaseContext | None:
    """Fork where it is safe (Linux), so that workers start with the warmed workspace even
    where Python's default became another method (forkserver, from 3.14); elsewhere the
    default, and workers build their own."""
    import multiprocessing

    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def lint_files(
    workspace: Workspace, paths: Sequence[str], jobs: int
) -> Iterator[tuple[str, list[Alert]]]:
    """(path, alerts) in the order given, on `jobs` processes as `map_files` runs them."""
    return map_files(workspace, paths, jobs, _lint_file)


def map_files(
    workspace: Workspace,
    paths: Sequence[str],
    jobs: int,
    work: Callable[[Workspace, str], Result],
) -> Iterator[tuple[str, Result]]:
    """(path, work(workspace, path)) in the order given; in this process with `workspace`,
    or on `jobs` processes forked from this one (where `_fork_context` allows) once a
    sample of the files has warmed `workspace` and its rules have loaded what they load on
    first use. `work` is a module-level function (workers are sent it by name): linting
    (`lint_files`), or linting and scoring (`brandlint.scores.score_files`).

    The words each worker learns (spaCy lexemes, the tokenizer's cache) stay its own: on
    992 real pages the words both workers learn cost about 50 ms of 4.5 CPU s, and priming
    the vocabulary with the language's commonest words (wordfreq's top 2,000 to 50,000)
    costs the main process more than the workers save."""
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield path, work(workspace, path)
        return
    sizes = [file_size(path) for path in paths]
    warmed = {i: work(workspace, paths[i]) for i in warm_up_sample(paths, sizes)}
    warm_rules(workspace, [paths[i] for i in warmed])
    share(workspace)
    rest = [i for i in range(len(paths)) if i not in warmed]
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only with jobs

    # what is alive now stays shared with the workers: their collections would otherwise
    # write to every object's header and copy the page it is on
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, mp_context=_fork_context()) as pool:
            there = partial(_on_worker, workspace.settings, work)
            found = balanced(pool, there, [paths[i] for i in rest], [sizes[i] for i in rest], jobs)
            for index, path in enumerate(paths):
                yield path, warmed.pop(index) if index in warmed else next(found)[1]
    finally:
        gc.unfreeze()

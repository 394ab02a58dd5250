"""Handing files to workers: runs of about equal bytes, results in the order given."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandlint.parallel import (
    FILE_COST,
    RUN_COST_MAX,
    RUNS_PER_WORKER,
    WARM_UP_BYTES,
    WARM_UP_FILES,
    balanced,
    lint_files,
    runs,
    warm_rules,
    warm_up_sample,
)
from brandlint.workspace import Settings, Workspace

KESTREL = Path(__file__).resolve().parent.parent / "examples" / "kestrel"

SIZES = st.lists(st.integers(min_value=0, max_value=200_000), min_size=1, max_size=300)


@given(sizes=SIZES, workers=st.integers(min_value=1, max_value=8))
def test_every_job_is_in_one_run_of_consecutive_jobs(sizes: list[int], workers: int) -> None:
    found = runs(sizes, workers)
    assert sorted(i for run in found for i in run) == list(range(len(sizes)))
    for run in found:
        assert run == list(range(run[0], run[-1] + 1))


@given(sizes=SIZES, workers=st.integers(min_value=1, max_value=8))
def test_a_run_holds_one_share_of_the_work_plus_at_most_one_job(
    sizes: list[int], workers: int
) -> None:
    costs = [size + FILE_COST for size in sizes]
    target = max(1, min(sum(costs) // (workers * RUNS_PER_WORKER), RUN_COST_MAX))
    for run in runs(sizes, workers):
        assert sum(costs[i] for i in run[:-1]) < target


def test_a_large_corpus_comes_in_runs_of_at_most_the_cap() -> None:
    sizes = [1_500] * 10_000  # 10,000 short pages: 35 MB of work in all
    found = runs(sizes, 2)
    per_run = RUN_COST_MAX // (1_500 + FILE_COST) + 1
    assert [len(run) for run in found] == [per_run] * (10_000 // per_run) + [10_000 % per_run]


def test_a_file_bigger_than_two_runs_is_handed_out_first() -> None:
    sizes = [1_000] * 40 + [5_000_000] + [1_000] * 40
    assert runs(sizes, 2)[0] == [40]


def test_cheap_files_share_a_run_and_big_ones_stand_alone() -> None:
    sizes = [0] * 8 + [100_000, 100_000]
    assert runs(sizes, 1) == [[8], [9], [0, 1, 2, 3, 4, 5, 6], [7]]


@given(sizes=SIZES)
def test_results_come_in_the_order_given(sizes: list[int]) -> None:
    with ThreadPoolExecutor(2) as pool:
        found = list(balanced(pool, str, sizes, sizes, 2))
    assert found == [(i, str(size)) for i, size in enumerate(sizes)]


def test_unordered_results_come_once_each() -> None:
    sizes = [10, 5_000_000, 20, 30]
    with ThreadPoolExecutor(2) as pool:
        found = list(balanced(pool, str, sizes, sizes, 2, ordered=False))
    assert sorted(found) == [(0, "10"), (1, "5000000"), (2, "20"), (3, "30")]


def test_the_warm_up_takes_the_first_file_of_each_folder_and_extension() -> None:
    paths = [
        "web/launch.md",
        "web/pricing.md",
        "web/pricing.html",
        "sms/reminder.txt",
        "sms/offer.txt",
        "email/welcome.html",
    ]
    assert warm_up_sample(paths, [900] * len(paths)) == [0, 2, 3, 5]


def test_the_warm_up_leaves_files_beyond_its_budget_to_the_workers() -> None:
    paths = ["web/export.md", "sms/catalogue.txt", "sms/reminder.txt", "email/welcome.html"]
    sizes = [WARM_UP_BYTES + 1, WARM_UP_BYTES + 1, 300, WARM_UP_BYTES - 300]
    assert warm_up_sample(paths, sizes) == [0, 2, 3]
    assert warm_up_sample(paths, [*sizes[:3], WARM_UP_BYTES - 299]) == [0, 2]


@given(
    folders=st.lists(st.sampled_from(["web", "sms", "email", "ads", "push", "social"]), min_size=1),
    data=st.data(),
)
def test_the_warm_up_is_a_few_files_in_order_starting_with_the_first(
    folders: list[str], data: st.DataObject
) -> None:
    extensions = data.draw(st.lists(st.sampled_from([".md", ".txt", ".html"]), min_size=1))
    paths = [f"{folder}/{n}{extensions[n % len(extensions)]}" for n, folder in enumerate(folders)]
    sizes = data.draw(st.lists(st.integers(0, 2 * WARM_UP_BYTES), min_size=len(paths)))
    chosen = warm_up_sample(paths, sizes)
    assert chosen[0] == 0
    assert chosen == sorted(set(chosen))
    assert len(chosen) <= WARM_UP_FILES
    assert sum(sizes[i] for i in chosen[1:]) <= WARM_UP_BYTES


def test_files_linted_on_two_processes_give_the_alerts_of_one_in_the_order_given() -> None:
    content = KESTREL / "content"
    paths = sorted(str(p) for p in content.rglob("*") if p.suffix in (".md", ".html", ".txt"))
    workspace = Workspace(Settings(guide=str(KESTREL / "brandlint.yaml")))
    alone = [(path, workspace.lint_file(path)) for path in paths]
    assert sum(len(found) for _, found in alone) > 0
    assert list(lint_files(Workspace(workspace.settings), paths, 2)) == alone


def kestrel_copy() -> list[str]:
    content = KESTREL / "content"
    return sorted(str(p) for p in content.rglob("*") if p.suffix in (".md", ".html", ".txt"))


def test_warming_asks_each_rule_of_the_sampled_guides_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = Workspace(Settings(guide=str(KESTREL / "brandlint.yaml")))
    paths = kestrel_copy()[:3]  # three files, one guide
    rules = workspace.linter_for(paths[0]).rules
    asked: list[str] = []
    for rule in rules:
        monkeypatch.setattr(rule, "warm", lambda rule=rule: asked.append(rule.id))
    warm_rules(workspace, paths)
    assert asked == [rule.id for rule in rules]


# in a fresh interpreter: the modules that linting a file loads after the sample was linted
# (and, when asked, the rules warmed): what each forked worker would load again
AFTER_SAMPLE = """
import json, sys
from brandlint.parallel import warm_rules
from brandlint.workspace import Settings, Workspace
guide, warm, sample, path = sys.argv[1:]
workspace = Workspace(Settings(guide=guide))
workspace.lint_file(sample)
if warm == "warm":
    warm_rules(workspace, [sample])
before = set(sys.modules)
rules = sorted({alert.rule for alert in workspace.lint_file(path)})
print(json.dumps([rules, sorted(set(sys.modules) - before)]))
"""


def linted_after_sample(warm: str) -> tuple[list[str], list[str]]:
    """(rules that alerted, modules loaded) for the first page with an off-palette
    colour, linted after a text file without one."""
    content = KESTREL / "content"
    sample, path = content / "ads" / "headline.txt", content / "email" / "spring-newsletter.html"
    command = [sys.executable, "-c", AFTER_SAMPLE, str(KESTREL / "brandlint.yaml"), warm]
    done = subprocess.run(
        [*command, str(sample), str(path)], capture_output=True, text=True, check=True
    )
    rules, loaded = json.loads(done.stdout)
    return rules, loaded


def test_after_warming_the_first_off_palette_colour_loads_no_colour_module() -> None:
    rules, loaded = linted_after_sample("warm")
    assert "kestrel.palette" in rules
    assert [name for name in loaded if name.startswith(("coloraide", "cmath"))] == []


def test_without_warming_the_first_off_palette_colour_loads_coloraide() -> None:
    rules, loaded = linted_after_sample("cold")
    assert "kestrel.palette" in rules
    assert "coloraide" in loaded

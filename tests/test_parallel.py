"""Handing files to workers: runs of about equal bytes, results in the order given."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from hypothesis import given
from hypothesis import strategies as st

from brandlint.parallel import FILE_COST, RUNS_PER_WORKER, balanced, runs

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
    target = max(1, sum(costs) // (workers * RUNS_PER_WORKER))
    for run in runs(sizes, workers):
        assert sum(costs[i] for i in run[:-1]) < target


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

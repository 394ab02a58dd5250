"""Vale's own acceptance tests (`data/features/*.feature`, Vale v3.7.1), run against brandlint
in its Vale drop-in mode (`brandlint check --vale-compat`; `test_exact_positions.py` pins the
default mode's exact positions where Vale's placement differs).

One case per scenario, with the id `FILE.feature::Scenario name`. A scenario that needs a
program brandlint cannot stand in for (rst2html, asciidoctor, dita, xsltproc, a Tengo
script, the network) is skipped with that reason. Every other scenario must pass, except
those in `known_failures.txt`, which are expected to fail (strict: one that starts passing
fails the suite until its line is removed). See README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vale_compat.harness import (
    HERE,
    Case,
    Unsupported,
    cases,
    check_case,
    skip_reason,
    vale_interface,
)

KNOWN_FAILURES = HERE / "known_failures.txt"


def known_failures() -> dict[str, str]:
    """`id<TAB>reasons  # note` per line; reasons are comma-separated categories."""
    out: dict[str, str] = {}
    for raw in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        line = raw.split("  #", 1)[0].rstrip()
        if not line or line.startswith("#"):
            continue
        case_id, _, reasons = line.partition("\t")
        if not reasons.strip():
            raise ValueError(f"known_failures.txt: no reason for {case_id!r}")
        out[case_id.strip()] = reasons.strip()
    return out


CASES = cases()
KNOWN = known_failures()


def _param(case: Case) -> object:
    marks = []
    if case.id in KNOWN:
        marks.append(pytest.mark.xfail(reason=KNOWN[case.id], strict=True))
    return pytest.param(case, id=case.id, marks=marks)


def test_known_failures_name_real_scenarios() -> None:
    ids = {case.id for case in CASES}
    stale = sorted(set(KNOWN) - ids)
    assert not stale, f"known_failures.txt names scenarios that do not exist: {stale}"
    skipped = sorted(case.id for case in CASES if case.id in KNOWN and skip_reason(case))
    assert not skipped, f"skipped scenarios need no known_failures.txt line: {skipped}"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_vale_scenario(case: Case, tmp_path: Path) -> None:
    reason = skip_reason(case)
    if reason:
        pytest.skip(reason)
    if not vale_interface():
        pytest.skip("brandlint's CLI has no --format vale-json / --vale-config")
    try:
        verdict = check_case(case, tmp_path)
    except Unsupported as exc:
        pytest.fail(str(exc), pytrace=False)
    if not verdict.ok:
        pytest.fail(f"{case.id}\n{verdict.report}", pytrace=False)

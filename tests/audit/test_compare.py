"""`audit --compare`: alerts new and fixed since a previous audit, matched by file, rule and
matched text in order of occurrence, never by line."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandlint.audit.compare import compare, read_previous
from brandlint.cli.main import main
from brandlint.core.alerts import Alert, Level, Span
from brandlint.core.errors import UsageError
from tests.audit.guides import GUIDE

BEFORE = "# Omnichannel\n\nAcme cloud sells omnichannel. Try AcmeCloud.\n"
# a new section above moves the old copy down four lines: its 'AcmeCloud' is still there
# (not new), 'Acme cloud' is fixed, and a second 'AcmeCloud' slipped in at the end
AFTER = (
    "# Launch\n\nNew intro.\n\n# Omnichannel\n\n"
    "Acme Cloud sells omnichannel. Try AcmeCloud.\n\nAcmeCloud again.\n"
)
PRICING = "Acme cloud is omni-channel. Then omnichannel.\n"

NEW = {
    "path": "./web/launch.md",
    "line": 9,
    "column": 1,
    "end_line": 9,
    "end_column": 10,
    "rule": "acme.terms.acme-cloud",
    "level": "error",
    "message": "Write 'Acme Cloud', not 'AcmeCloud'.",
    "match": "AcmeCloud",
    "replacements": ["Acme Cloud"],
    "link": "",
    "reason": "",
    "lang": "en",
    "channel": "web",
    "scope": "paragraph",
    "category": "terms",
}
FIXED = NEW | {
    "line": 3,
    "column": 1,
    "end_line": 3,
    "end_column": 11,
    "message": "Write 'Acme Cloud', not 'Acme cloud'.",
    "match": "Acme cloud",
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "launch.md").write_text(BEFORE)
    (tmp_path / "web" / "pricing.md").write_text(PRICING)
    monkeypatch.chdir(tmp_path)
    assert main(["audit", ".", "--no-cache", "--workers", "1", "--json", "before.json"]) == 0
    (tmp_path / "web" / "launch.md").write_text(AFTER)
    return tmp_path


def test_compare_prints_new_and_fixed_alerts_and_ignores_moved_copy(site, capsys):
    capsys.readouterr()
    assert main(["audit", ".", "--no-cache", "--workers", "1", "--compare", "before.json"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3:] == [
        "since before.json: 1 new, 1 fixed",
        "new ./web/launch.md:9:1 acme.terms.acme-cloud: 'AcmeCloud' "
        "Write 'Acme Cloud', not 'AcmeCloud'.",
        "fixed ./web/launch.md:3:1 acme.terms.acme-cloud: 'Acme cloud' "
        "Write 'Acme Cloud', not 'Acme cloud'.",
    ]


def test_compare_adds_new_and_fixed_to_the_json_report_in_the_alert_shape(site):
    args = ["audit", ".", "--no-cache", "--workers", "1", "--compare", "before.json"]
    assert main([*args, "--json", "after.json"]) == 0
    report = json.loads((site / "after.json").read_text())
    assert report["compared_with"] == "before.json"
    assert report["new"] == [NEW]
    assert report["fixed"] == [FIXED]
    # the first 'AcmeCloud' moved from 3:35 to 7:35: in both audits, in neither list
    moved = [a for a in report["alerts"] if a["match"] == "AcmeCloud"]
    assert [(a["line"], a["column"]) for a in moved] == [(7, 35), (9, 1)]


def test_compare_lists_new_and_fixed_alerts_in_the_html_report(site):
    args = ["audit", ".", "--no-cache", "--workers", "1", "--compare", "before.json"]
    assert main([*args, "--html", "report.html"]) == 0
    page = (site / "report.html").read_text()
    assert (
        '<tr class="new"><td>./web/launch.md:9:1</td><td>acme.terms.acme-cloud</td>'
        "<td>AcmeCloud</td><td>Write &#x27;Acme Cloud&#x27;, not &#x27;AcmeCloud&#x27;.</td></tr>"
    ) in page
    assert page.count('<tr class="new">') == 1
    assert page.count('<tr class="fixed">') == 1
    assert "<h2>Since before.json</h2>" in page


def test_compare_with_a_file_that_is_not_an_audit_report_is_a_usage_error(site, capsys):
    (site / "check.json").write_text('[{"path": "a.md"}]')
    args = ["audit", ".", "--no-cache", "--workers", "1", "--compare", "check.json"]
    assert main(args) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "brandlint: --compare check.json: no `alerts` list; give the file an earlier "
        "`brandlint audit --json` wrote"
    )


def test_compare_names_the_line_and_column_of_broken_json(tmp_path):
    broken = tmp_path / "before.json"
    broken.write_text('{"alerts": [\n  {"path": "a.md",,}\n]}\n')
    with pytest.raises(UsageError) as caught:
        read_previous(str(broken))
    assert str(caught.value) == (
        f"--compare {broken}:2:19: not JSON (Expecting property name enclosed in double "
        "quotes); give the file an earlier `brandlint audit --json` wrote"
    )


def test_compare_names_an_alert_missing_a_field(tmp_path):
    partial = tmp_path / "before.json"
    partial.write_text(
        json.dumps({"alerts": [FIXED, {k: v for k, v in NEW.items() if k != "rule"}]})
    )
    with pytest.raises(UsageError) as caught:
        read_previous(str(partial))
    assert str(caught.value) == (
        f"--compare {partial}: alert 2 is not an audit alert (no 'rule' field)"
    )


def alert(path: str, rule: str, match: str, line: int) -> Alert:
    return Alert(path, rule, Level.WARNING, "m", Span(line, 1, line, 2, 0, 0), match)


def test_a_term_that_occurs_once_more_has_its_last_occurrence_new():
    before = [alert("a.md", "r", "pickup", 2), alert("a.md", "r", "pickup", 9)]
    after = [*before, alert("a.md", "r", "pickup", 12)]
    found = compare(before, after)
    assert (found.new, found.fixed) == ((after[2],), ())


def test_the_same_text_in_another_file_is_new():
    before = [alert("a.md", "r", "pickup", 2)]
    after = [alert("b.md", "r", "pickup", 2)]
    found = compare(before, after)
    assert (found.new, found.fixed) == ((after[0],), (before[0],))


keys = st.tuples(
    st.sampled_from(["a.md", "b.md", "cms.csv#row-1"]),
    st.sampled_from(["acme.terms.cloud", "acme.consistency.pickup"]),
    st.sampled_from(["pickup", "pick-up", "Acme cloud"]),
)


@given(st.lists(keys, max_size=30), st.randoms(use_true_random=False), st.integers(1, 50))
def test_copy_that_only_moved_is_neither_new_nor_fixed(found, rng, shift):
    before = [alert(p, r, m, n + 1) for n, (p, r, m) in enumerate(found)]
    moved = list(before)
    rng.shuffle(moved)
    after = [replace(a, span=Span(n + shift, 3, n + shift, 9, 0, 0)) for n, a in enumerate(moved)]
    result = compare(before, after)
    assert (result.new, result.fixed) == ((), ())


@given(st.lists(keys, max_size=20), st.lists(keys, max_size=20))
def test_new_and_fixed_account_for_the_difference_in_counts(first, second):
    before = [alert(p, r, m, n + 1) for n, (p, r, m) in enumerate(first)]
    after = [alert(p, r, m, n + 1) for n, (p, r, m) in enumerate(second)]
    result = compare(before, after)
    assert len(after) - len(result.new) == len(before) - len(result.fixed)
    assert set(result.new) <= set(after)
    assert set(result.fixed) <= set(before)

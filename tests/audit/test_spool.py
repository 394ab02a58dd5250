"""The audit's lean main process: alerts spooled to disk, totals counted as records arrive in
any order, reports written from the spool byte for byte as from the records in memory."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandlint.audit.items import Item
from brandlint.audit.records import AuditedFile, RuleTally
from brandlint.audit.report import write_csv, write_html, write_json
from brandlint.audit.run import AuditOptions, RunningSummary, run_audit
from brandlint.audit.spool import AlertSpool
from brandlint.audit.worker import audit_item
from brandlint.core.alerts import Level
from brandlint.workspace import Settings

GUIDE = """name: acme
terms:
  - use: Acme Cloud
    case: exact
    level: error
  - use: sign in
    instead_of: [login to, log into]
    level: warning
consistency:
  - [omnichannel, omni-channel]
"""

PAGES = {
    "web/launch.md": "# Launch day\n\nLogin to Acme cloud, the omni-channel desk.\n",
    "web/pricing.md": "Acme Cloud costs less. Log into AcmeCloud today.\n",
    "mail/spring.md": "Spring is here: omnichannel offers, omni-channel taps.\n",
    "social/post.txt": "AcmeCloud rocks. Log into it.\n",
}


def pieces(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    found = []
    for name, text in PAGES.items():
        page = tmp_path / name
        page.parent.mkdir(exist_ok=True)
        page.write_text(text)
        found.append(Item(name, str(page)))
    return found


def test_launch_page_record_carries_its_alerts_as_json_and_a_tally_per_rule(tmp_path):
    settings = Settings(guide=str(tmp_path / "brandlint.yaml"))
    launch = audit_item(settings, pieces(tmp_path)[0])
    records = json.loads(launch.records)
    assert [(r["rule"], r["line"], r["column"], r["end_column"], r["match"]) for r in records] == [
        ("acme.terms.sign-in", 3, 1, 9, "Login to"),
        ("acme.terms.acme-cloud", 3, 10, 20, "Acme cloud"),
    ]
    assert [(r["message"], r["replacements"]) for r in records] == [
        ("Use 'Sign in' instead of 'Login to'.", ["Sign in"]),
        ("Write 'Acme Cloud', not 'Acme cloud'.", ["Acme Cloud"]),
    ]
    assert launch.tallies == (
        RuleTally("acme.terms.sign-in", Level.WARNING, "terms", 1),
        RuleTally("acme.terms.acme-cloud", Level.ERROR, "terms", 1),
    )


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The site's records as workers send them, and a piece that could not be read."""
    site = tmp_path_factory.mktemp("site")
    settings = Settings(guide=str(site / "brandlint.yaml"))
    found = [audit_item(settings, item) for item in pieces(site)]
    return [*found, AuditedFile.skip("logo.md", "This is a binary file")]


@given(st.randoms(use_true_random=False))
def test_records_counted_in_any_order_sum_to_the_audit_in_order(records, random):
    in_order, shuffled = RunningSummary(), RunningSummary()
    for index, record in enumerate(records):
        in_order.add(index, record)
    arrival = list(enumerate(records))
    random.shuffle(arrival)
    for index, record in arrival:
        shuffled.add(index, record)
    assert shuffled.result(()) == in_order.result(())
    audit = shuffled.result(())
    # equal counts keep the order each rule first occurs in, piece by piece
    assert [(r.rule, r.count, r.files) for r in audit.rules] == [
        ("acme.terms.sign-in", 3, 3),
        ("acme.terms.acme-cloud", 3, 3),
        ("acme.consistency.omnichannel", 1, 1),
    ]
    assert [(a.path, a.span.line, a.span.column) for a in audit.alerts] == [
        ("web/launch.md", 3, 1),
        ("web/launch.md", 3, 10),
        ("web/pricing.md", 1, 24),
        ("web/pricing.md", 1, 33),
        ("mail/spring.md", 1, 37),
        ("social/post.txt", 1, 1),
        ("social/post.txt", 1, 18),
    ]
    assert [s.path for s in audit.skipped] == ["logo.md"]


def test_the_spool_reads_pieces_back_in_their_order_whatever_order_they_came_in():
    spool = AlertSpool()
    spool.add(2, json.dumps([{"n": 3}, {"n": 4}]), 2)
    spool.add(0, json.dumps([{"n": 1}]), 1)
    spool.add(1, "[]", 0)
    spool.add(5, json.dumps([{"n": "Ünïcode </script> \u2028"}]), 1)
    assert list(spool.records()) == [
        {"n": 1},
        {"n": 3},
        {"n": 4},
        {"n": "Ünïcode </script> \u2028"},
    ]
    assert len(spool) == 4


def test_reports_from_the_spool_equal_those_from_the_records_in_memory(tmp_path):
    pieces(tmp_path)
    settings = Settings(guide=str(tmp_path / "brandlint.yaml"))
    audit = run_audit(AuditOptions([str(tmp_path)], settings, cache=None))
    whole = audit.to_json()
    assert len(whole["alerts"]) == audit.summary.alerts == 7
    out = io.StringIO()
    write_json(audit, out)
    assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
    page = io.StringIO()
    write_html(audit, page)
    payload = json.dumps(whole, ensure_ascii=False).replace("</", "<\\/")
    assert f'<script type="application/json" id="audit-data">{payload}</script>' in page.getvalue()
    table = io.StringIO()
    write_csv(audit, table)
    rows = table.getvalue().splitlines()
    assert len(rows) == 8
    assert rows[1] == (
        f"{tmp_path}/mail/spring.md,1,37,1,49,acme.consistency.omnichannel,warning,"
        "\"Inconsistent spelling: 'omni-channel' here, but 'omnichannel' earlier in this "
        'document.",omni-channel,omnichannel,,en'
    )

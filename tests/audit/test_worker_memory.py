"""What an audit worker keeps between pieces: a worker lints thousands of pieces in one
process, so anything a piece leaves behind grows with the corpus (issue 16)."""

from __future__ import annotations

import gc
import json
import os

import yaml

from brandlint.audit.items import Item
from brandlint.audit.worker import audit_item
from brandlint.workspace import Settings
from tests.audit.guides import GUIDE

PAGE = """---
title: Spring launch {n}
description: Acme cloud for every team.
---
# Spring launch

Acme Cloud ships page {n}.
"""


def test_no_front_matter_node_outlives_its_page(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    settings = Settings(guide=str(tmp_path / "brandlint.yaml"))
    found = []
    for n in range(20):
        page = tmp_path / f"launch-{n}.md"
        page.write_text(PAGE.format(n=n))
        found.append(audit_item(settings, Item(str(page), os.path.abspath(page))))
    gc.collect()
    # PyYAML's constructor kept every scalar it had built (two a page, each with two
    # marks): a worker grew by them, page after page
    assert [o for o in gc.get_objects() if isinstance(o, yaml.Node)] == []
    # the front matter's copy was read and linted all the same
    assert {
        (a["rule"], a["line"], a["column"], a["end_column"], a["match"])
        for piece in found
        for a in json.loads(piece.records)
    } == {("acme.terms.acme-cloud", 3, 14, 24, "Acme cloud")}
    assert [len(json.loads(piece.records)) for piece in found] == [1] * 20

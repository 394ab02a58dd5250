"""`brandlint terms discover`: variant spellings across a real corpus."""

from __future__ import annotations

import json
from pathlib import Path

from brandlint.cli.main import main
from brandlint.discover import Discovery
from brandlint.workspace import Workspace

JEKYLL_DOCS = (
    Path(__file__).resolve().parents[1] / "data" / "real_copy" / "jekyll" / "docs" / "_docs"
)


def clusters_of(text: str, path: str = "page.md") -> list[dict]:
    discovery = Discovery()
    discovery.add(Workspace().document(path, text))
    return [c.record() for c in discovery.clusters()]


def test_sentence_start_capitals_are_not_clusters():
    assert clusters_of("The site is fast. The team built the site.\n\nSite speed matters.\n") == []


def test_hyphen_space_and_joined_spellings_cluster_with_counts_and_places():
    text = "Log in to start.\n\nYour login is safe; log-in here.\n\nThen log in again.\n"
    assert clusters_of(text) == [
        {
            "variants": [
                {"text": "log in", "count": 2},  # "Log in" opening line 1 is "log in"
                {"text": "log-in", "count": 1},
                {"text": "login", "count": 1},
            ],
            "suggested": "log in",
            "examples": [
                {"path": "page.md", "line": 1},
                {"path": "page.md", "line": 3},
                {"path": "page.md", "line": 3},
            ],
            "in_guide": False,
        }
    ]


def test_code_and_urls_are_not_read():
    text = "Use GitHub.\n\n```\ngithub push\n```\n\nSee https://github.com/x and `github`.\n"
    assert clusters_of(text) == []


def test_jekyll_docs_clusters_verified_by_hand(capsys):
    assert main(["terms", "discover", str(JEKYLL_DOCS)]) == 0
    found = {c["suggested"]: c for c in json.loads(capsys.readouterr().out)}
    # grep: "GitHub pages" on continuous-integration/github-actions.md:89 and
    # history.md:838; "github-pages" three times in prose (the gem's name)
    pages = found["GitHub Pages"]
    assert pages["variants"][1:] == [
        {"text": "github-pages", "count": 3},
        {"text": "GitHub pages", "count": 2},
    ]
    assert pages["variants"][0]["text"] == "GitHub Pages"
    assert {"path": str(JEKYLL_DOCS / "history.md"), "line": 838} in pages["examples"]
    totals = [sum(v["count"] for v in c["variants"]) for c in found.values()]
    assert totals == sorted(totals, reverse=True)

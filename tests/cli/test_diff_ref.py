"""`check --diff REF`: only alerts on lines added or changed since a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from brandlint.changed_lines import parse_diff
from brandlint.cli.main import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

GUIDE = "name: acme\nterms:\n  - use: sign in\n    instead_of: [log in]\n  - avoid: [synergy]\n"
PAGE = """\
# Welcome

Log in to see your orders.

Our team finds synergy in small shops.
"""
HELP = """\
# Help

Log in with your email address.
"""


def git(repo, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "page.md").write_text(PAGE)
    (tmp_path / "web" / "help.md").write_text(HELP)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "legacy copy")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def found(capsys, *argv: str) -> list[tuple[str, int, str]]:
    main(["check", "--format", "json", *argv])
    return [(a["path"], a["line"], a["rule"]) for a in json.loads(capsys.readouterr().out)]


def test_unchanged_files_report_nothing(repo, capsys):
    assert found(capsys, "--diff", "HEAD", "web") == []
    assert len(found(capsys, "web")) == 3  # without --diff, the legacy alerts


def test_only_added_and_changed_lines_report(repo, capsys):
    (repo / "web" / "page.md").write_text(
        PAGE.replace("see your orders", "see all your orders") + "\nLog in again later.\n"
    )
    assert found(capsys, "--diff", "HEAD", "web") == [
        ("web/page.md", 3, "acme.terms.sign-in"),
        ("web/page.md", 7, "acme.terms.sign-in"),
    ]  # line 5's synergy is legacy


def test_staged_and_committed_changes_count_against_an_older_revision(repo, capsys):
    (repo / "web" / "help.md").write_text(HELP + "\nNo synergy here.\n")
    git(repo, "commit", "-q", "-am", "more help")
    assert found(capsys, "--diff", "HEAD", "web") == []
    assert found(capsys, "--diff", "HEAD~1", "web") == [("web/help.md", 5, "acme.terms.synergy")]


def test_untracked_files_are_wholly_new(repo, capsys):
    (repo / "web" / "new.md").write_text("Log in, then synergy.\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "idea.md").write_text("Pure synergy.\n")
    assert found(capsys, "--diff", "HEAD", "web", "drafts") == [
        ("web/new.md", 1, "acme.terms.sign-in"),
        ("web/new.md", 1, "acme.terms.synergy"),
        ("drafts/idea.md", 1, "acme.terms.synergy"),  # in a folder git does not track
    ]


def test_a_renamed_file_reports_only_its_edited_lines(repo, capsys):
    git(repo, "mv", "web/page.md", "web/home.md")
    (repo / "web" / "home.md").write_text(PAGE.replace("Welcome", "Welcome, synergy fans"))
    assert found(capsys, "--diff", "HEAD", "web") == [("web/home.md", 1, "acme.terms.synergy")]


def test_baseline_and_diff_both_filter(repo, capsys):
    (repo / "web" / "help.md").write_text(HELP + "\nLog in twice.\n")
    main(["check", "--format", "json", "--output", "baseline.json", "web/help.md"])
    (repo / "web" / "help.md").write_text(HELP + "\nLog in twice.\nOr log in once.\n")
    assert found(capsys, "--diff", "HEAD", "--baseline", "baseline.json", "web") == [
        ("web/help.md", 6, "acme.terms.sign-in")
    ]


def test_an_unknown_revision_is_a_usage_error(repo, capsys):
    assert main(["check", "--diff", "no-such-branch", "web"]) == 2
    assert capsys.readouterr().err == (
        "brandlint: --diff no-such-branch: not a revision of this repository\n"
    )


def test_outside_a_repository_is_a_usage_error(tmp_path, monkeypatch, capsys):
    (tmp_path / "page.md").write_text("Log in.\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--diff", "HEAD", "page.md"]) == 2
    assert capsys.readouterr().err.startswith("brandlint: --diff HEAD: fatal: not a git repository")


def test_diff_parsing_follows_hunks_quoted_names_and_binaries():
    text = (
        "diff --git a/old.md b/new name.md\n"
        "similarity index 90%\n"
        "rename from old.md\n"
        "rename to new name.md\n"
        "--- a/old.md\n"
        "+++ b/new name.md\n"
        "@@ -3 +3,2 @@\n"
        "-x\n+y\n+z\n"
        "@@ -9,2 +10,0 @@\n"
        "diff --git a/tab\\there.md b/tab\\there.md\n"
        '+++ "b/tab\\there.md"\n'
        "@@ -0,0 +1 @@\n"
        "+new\n"
        "diff --git a/brief.docx b/brief.docx\n"
        "Binary files a/brief.docx and b/brief.docx differ\n"
        "+++ /dev/null\n"
    )
    lines, binary = parse_diff(text, "/repo")
    assert lines == {"/repo/new name.md": frozenset({3, 4}), "/repo/tab\there.md": frozenset({1})}
    assert binary == frozenset({"/repo/brief.docx"})

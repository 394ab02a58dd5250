"""`brandlint fix`: safe, idempotent, and only where alerts are."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.cli.main import main
from brandlint.fixer import apply_edits, plan_edits
from brandlint.safe_write import ChangedOnDisk, read_for_update, write_back
from brandlint.workspace import Settings, Workspace

GUIDE = """name: t
terms:
  - avoid: [leverage]
    suggest: use
  - use: Kestrel Cloud
    case: exact
  - use: sign in
    instead_of: [log in]
"""


def make(tmp_path, name: str, data: bytes):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_fix_writes_fixes_and_keeps_bom_crlf_and_permissions(tmp_path, capsys):
    path = make(
        tmp_path,
        "post.md",
        b"\xef\xbb\xbf# Hi\r\n\r\nLeveraging Kestrel cloud, "
        b"staff logged in.\r\n\r\nCode: `leverage` and &amp; stay.\r\n",
    )
    os.chmod(path, 0o640)
    assert main(["fix", str(path)]) == 0
    assert path.read_bytes() == (
        b"\xef\xbb\xbf# Hi\r\n\r\nUsing Kestrel Cloud, staff signed in."
        b"\r\n\r\nCode: `leverage` and &amp; stay.\r\n"
    )
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    out = capsys.readouterr()
    assert out.out == f"{path}: 3 fixes applied\n"
    assert out.err.endswith("0 alerts remain\n")


def test_diff_prints_and_writes_nothing(tmp_path, capsys):
    path = make(tmp_path, "post.md", b"We leverage it.\n")
    assert main(["fix", "--diff", str(path)]) == 0
    assert path.read_bytes() == b"We leverage it.\n"
    assert capsys.readouterr().out == (
        f"--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-We leverage it.\n+We use it.\n"
    )


def test_select_and_ignore_by_rule(tmp_path):
    path = make(tmp_path, "post.md", b"We leverage Kestrel cloud.\n")
    main(["fix", "--select", "t.terms.kestrel-*", str(path)])
    assert path.read_bytes() == b"We leverage Kestrel Cloud.\n"
    main(["fix", "--ignore", "t.terms.leverage", str(path)])
    assert path.read_bytes() == b"We leverage Kestrel Cloud.\n"


def test_a_file_changed_on_disk_is_left_alone(tmp_path):
    path = make(tmp_path, "post.md", b"We leverage it.\n")
    original = read_for_update(str(path))
    path.write_bytes(b"Someone else edited this.\n")
    with pytest.raises(ChangedOnDisk):
        write_back(original, "We use it.\n")
    assert path.read_bytes() == b"Someone else edited this.\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brandlint-")] == []


WORDS = [
    "We",
    "leverage",
    "Kestrel",
    "cloud",
    "Cloud",
    "log",
    "in",
    "today",
    "🎉",
    "`leverage`",
    "&amp;",
    "*bold*",
    "[link](https://x.test/leverage)",
    "\n",
    "\n\n",
    "#",
]
copy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
_WORKSPACE: dict[str, Workspace] = {}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(copy)
def test_fixing_is_idempotent_and_touches_only_flagged_spans(tmp_path, text):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    workspace = _WORKSPACE.setdefault(
        str(tmp_path), Workspace(Settings(guide=str(tmp_path / "brandlint.yaml")))
    )
    path = str(tmp_path / "doc.md")
    alerts = workspace.lint_text(text, path)
    edits = plan_edits(alerts, text)
    once = apply_edits(text, edits)
    again = apply_edits(once, plan_edits(workspace.lint_text(once, path), once))
    assert again == once
    # outside the edited spans, the text is untouched
    position, kept = 0, []
    for edit in edits:
        kept.append(text[position : edit.start])
        position = edit.end
    kept.append(text[position:])
    rebuilt = once
    for piece in kept:
        assert piece in rebuilt
        rebuilt = rebuilt[rebuilt.index(piece) + len(piece) :]

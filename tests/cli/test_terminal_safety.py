"""Control characters from files and guides reach the terminal escaped, never raw.

An ESC sequence in copy or in a file name could restyle, clear or rewrite the terminal; a
BiDi override (U+202E) could reorder what the reader sees. The text report and GitHub
annotations show them as `\\x1b` and `\\u202e`; plain text and emoji are untouched.
"""

from __future__ import annotations

import io

import pytest

from brandlint.cli.main import main
from brandlint.core.alerts import Alert, Level, Span
from brandlint.reporters import Report, reporter
from brandlint.reporters.text import terminal_safe

GUIDE = "name: acme\nterms:\n  - avoid: [synergy]\n    level: warning\n"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        ("emoji 🎉 and 👩‍💻 and ✔️ stay", "emoji 🎉 and 👩‍💻 and ✔️ stay"),
        ("café, naïve, 東京", "café, naïve, 東京"),
        ("\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"),
        ("bell\x07 nul\x00 del\x7f", "bell\\x07 nul\\x00 del\\x7f"),
        ("csi\x9b31m", "csi\\x9b31m"),
        ("tab\tnewline\ncr\r", "tab\\x09newline\\x0acr\\x0d"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066iso\u2069 \u200fmark \u061c", "\\u2066iso\\u2069 \\u200fmark \\u061c"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
    ],
)
def test_control_characters_are_escaped_and_nothing_else(raw: str, shown: str):
    assert terminal_safe(raw) == shown


def test_escapes_in_copy_and_file_names_in_the_text_report(tmp_path, monkeypatch, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    name = "a\x1b[2Jb.md"
    (tmp_path / name).write_text(
        "Red \x1b[31mtext\x1b[0m and synergy \u202eevil\u202c 🎉.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", name]) == 0
    assert capsys.readouterr().out == (
        "a\\x1b[2Jb.md:1:23: warning acme.terms.synergy Avoid 'synergy'.\n"
        "    Red \\x1b[31mtext\\x1b[0m and synergy \\u202eevil\\u202c 🎉.\n"
        "                                ^^^^^^^\n"
        "0 errors, 1 warning, 0 suggestions in 1 of 1 file checked.\n"
    )


def alert(message: str, rule: str = "acme.rule", path: str = "p.md", **kw) -> Alert:
    span = kw.pop("span", Span(1, 1, 1, 2, 0, 1))
    return Alert(path, rule, Level.WARNING, message, span, "x", **kw)


def render(format: str, alerts: list[Alert], sources: dict[str, str], color=False) -> str:
    out = io.StringIO()
    paths = sorted({a.path for a in alerts})
    reporter(format)(Report(alerts, paths, sources, color), out)
    return out.getvalue()


def test_messages_rules_and_fixes_are_escaped_and_colour_still_works():
    found = [
        alert(
            "Say \x1b]8;;http://evil\x07this\x1b]8;;\x07 plainly \u202e🎉",
            rule="acme.\x1b[8mhidden",
            replacements=("us\x1be", "\u202efix"),
        )
    ]
    assert render("text", found, {"p.md": "xy\n"}) == (
        "p.md:1:1: warning acme.\\x1b[8mhidden "
        "Say \\x1b]8;;http://evil\\x07this\\x1b]8;;\\x07 plainly \\u202e🎉\n"
        "    xy\n"
        "    ^\n"
        "    fix: 'us\\x1be' | '\\u202efix'\n"
        "0 errors, 1 warning, 0 suggestions in 1 of 1 file checked.\n"
    )
    painted = render("text", found, {"p.md": "xy\n"}, color=True).splitlines()[0]
    assert painted == (
        "\x1b[1mp.md:1:1:\x1b[0m \x1b[33mwarning\x1b[0m \x1b[2macme.\\x1b[8mhidden\x1b[0m "
        "Say \\x1b]8;;http://evil\\x07this\\x1b]8;;\\x07 plainly \\u202e🎉"
    )


def test_github_annotations_escape_controls_but_keep_encoded_line_breaks():
    found = [alert("one\ntwo \x1b[31mred\u202e 50%", rule="a,b:\x1b", path="d\x1b/p.md")]
    assert render("github", found, {}) == (
        "::warning file=d\\x1b/p.md,line=1,col=1,endLine=1,endColumn=2,"
        "title=a%2Cb%3A\\x1b::one%0Atwo \\x1b[31mred\\u202e 50%25\n"
    )


def test_a_long_line_is_shown_as_a_window_around_the_match():
    line = "a" * 300 + "synergy" + "b" * 300
    found = [alert("Avoid it.", span=Span(1, 301, 1, 308, 300, 307))]
    out = render("text", found, {"p.md": line + "\n"}).splitlines()
    assert out[1] == "    …" + "a" * 60 + "synergy" + "b" * 60 + "…"
    assert out[2] == "    " + " " * 61 + "^" * 7
    at_start = [alert("Avoid it.", span=Span(1, 1, 1, 8, 0, 7))]
    out = render("text", at_start, {"p.md": "synergy" + "c" * 300}).splitlines()
    assert out[1:3] == ["    synergy" + "c" * 60 + "…", "    ^^^^^^^"]

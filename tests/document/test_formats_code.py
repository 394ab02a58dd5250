"""Copy in source code: comments (and strings on request) through tree-sitter grammars."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from brandlint.cli.main import main
from brandlint.document.reader import format_of, parse_document
from brandlint.workspace import Settings, Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"
GUIDE = "name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n"


def blocks(document):
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        where = (span.line, span.column, span.end_line, span.end_column)
        out.append((sorted(block.scopes), document.block_text(block), where))
    return out


def read(name: str, format: str | None = None):
    path = FIXTURES / name
    return parse_document(str(path), path.read_text(encoding="utf-8"), format)


def test_python_comments_and_docstrings_are_copy_strings_are_not():
    document = read("checkout.py")
    assert document.format == "python"
    docstring = ["comment", "comment.block", "docstring"]
    assert blocks(document) == [
        (docstring, "Checkout helpers for the Kestrel storefront.", (2, 4, 2, 48)),
        (docstring, "We leverage the payments API so shoppers pay in one tap.", (4, 1, 4, 57)),
        (
            ["comment", "comment.line"],
            "Retry a declined card once before we give up. The shopper never sees the "
            "first decline.",
            (9, 3, 10, 44),
        ),
        (
            ["comment", "comment.line", "docstring"],
            "One shopper's basket on its way to payment.",
            (15, 8, 15, 51),
        ),
        (["comment", "comment.line"], "TODO: leverage saved cards", (17, 31, 17, 57)),
        (docstring, "Charge the basket.", (18, 12, 18, 30)),
        (docstring, "Returns the receipt number.", (20, 9, 20, 36)),
        (["comment", "comment.line"], "a string: not copy by default", (22, 57, 22, 86)),
    ]


def test_tsx_comments_by_default_strings_and_jsx_text_on_request():
    comments = [
        (["comment", "comment.block"], "The pay button on the checkout page.", (5, 4, 5, 40)),
        (
            ["comment", "comment.block"],
            "We leverage the shopper's saved card when there is one.",
            (7, 4, 7, 59),
        ),
        (
            ["comment", "comment.line"],
            "Keep the label short: it must fit on one line on a phone.",
            (10, 6, 10, 63),
        ),
    ]
    assert blocks(read("Checkout.tsx")) == comments
    with_strings = read("Checkout.tsx", "tsx+strings")
    assert with_strings.format == "tsx"
    # module names are not copy; `${…}` and `{name}` are masks; `<b>` stands for nothing;
    # `<code>` is not copy
    assert blocks(with_strings) == [
        *comments,
        (["string"], "Pay  now", (11, 18, 11, 47)),
        (["string"], "Pay for your order", (13, 25, 13, 43)),
        (["string", "string.jsx"], "Thanks, ! Pay securely in one tap.", (14, 7, 14, 54)),
    ]


def test_go_block_comment_and_strings():
    document = read("server.go", "go+strings")
    assert blocks(document) == [
        (
            ["comment", "comment.line"],
            "Package orders syncs stock between Kestrel and each shop.",
            (1, 4, 1, 61),
        ),
        (
            ["comment", "comment.block"],
            "Sync runs every five minutes. It leverages the shop's webhooks when they exist.",
            (7, 1, 8, 50),
        ),
        (["string"], "could not leverage the webhook for %s", (11, 21, 11, 58)),
        (["comment", "comment.line"], "never shown to shoppers", (11, 70, 11, 93)),
    ]


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("lib.rs", "//! Crate docs here.\n/// Item docs.\nfn x() {}\n", [(1, 5), (2, 5)]),
        ("a.hs", "-- | Haddock text.\n{-| Block\n  text -}\nx = 1\n", [(1, 6), (2, 5)]),
        ("a.lua", "--[[ Long\n comment ]] print(1) -- tail\n", [(1, 6), (2, 25)]),
        ("a.rb", "=begin\nBlock text.\n=end\nputs 1 # tail\n", [(2, 1), (4, 10)]),
        ("a.c", "/*\n * Starred line.\n * Another.\n */\nint x;\n", [(2, 4)]),
        ("a.php", "<?php\n# Hash comment.\necho 'x'; // Slash.\n", [(2, 3), (3, 14)]),
        ("a.ps1", "<#\n  Block help.\n#>\n$x = 1 # tail\n", [(2, 3), (4, 10)]),
        ("a.sh", "#!/bin/sh\n# Set up the shop.\necho hi\n", [(2, 3)]),
        ("A.java", "/** Javadoc text. */\nclass A {}\n", [(1, 5)]),
        ("a.kt", "// Kotlin note.\nval x = 1\n", [(1, 4)]),
        ("a.swift", "/* Swift note. */\nlet x = 1\n", [(1, 4)]),
        ("a.cs", "/// C# docs.\nclass A {}\n", [(1, 5)]),
        ("a.scss", "// Brand colours.\n$x: red;\n", [(1, 4)]),
        ("a.clj", ";; Clojure note.\n(def x 1)\n", [(1, 4)]),
        ("a.jl", "#= Julia block =#\nx = 1\n", [(1, 4)]),
        ("a.css", "/* The hero banner. */\n.hero { color: red; }\n", [(1, 4)]),
    ],
)
def test_markers_are_not_copy(name, source, expected):
    document = parse_document(name, source)
    starts = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        starts.append((span.line, span.column))
        assert not document.block_text(block).startswith(("/", "*", "#", "-", ";", "{", "<"))
    assert starts == expected


def test_formats_by_extension():
    assert format_of("src/app.py") == "python"
    assert format_of("src/App.JSX") == "javascript"
    assert format_of("src/app.tsx") == "tsx"
    assert format_of("lib/x.hpp") == "cpp"
    assert format_of("Main.java") == "java"
    assert format_of("data.json") is None


def test_alerts_land_on_the_words_and_fix_edits_only_comments(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    path = tmp_path / "checkout.py"
    shutil.copy(FIXTURES / "checkout.py", path)
    alerts = Workspace().lint_file(path)
    assert [(a.rule, a.span.line, a.span.column, a.span.end_column, a.scope) for a in alerts] == [
        ("t.terms.leverage", 4, 4, 12, "comment.block"),
        ("t.terms.leverage", 17, 37, 45, "comment.line"),
    ]
    assert main(["fix", str(path)]) == 0
    fixed = path.read_text()
    assert "We use the payments API" in fixed
    assert "# TODO: use saved cards" in fixed
    assert '"We leverage bank-grade security."' in fixed  # a string: left alone


def test_directives_in_comments_and_folder_walks(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "sync.ts").write_text(
        "// brandlint-disable-next-line t.terms.leverage\n"
        "// We leverage webhooks.\n"
        "// We leverage polling too.\n"
        "const x = 'we leverage strings';\n"
    )
    (tmp_path / "src" / "data.bin").write_bytes(b"\x00leverage")
    workspace = Workspace()
    assert list(workspace.files([str(tmp_path / "src")])) == [str(tmp_path / "src" / "sync.ts")]
    alerts = workspace.lint_file(tmp_path / "src" / "sync.ts")
    # the three comments read as one block; the directive's next line is suppressed
    assert [(a.span.line, a.span.column) for a in alerts] == [(3, 7)]


def test_guide_formats_map_globs_to_formats(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(
        GUIDE + "formats:\n  '*.mdoc': markdown\n  'ui/*.tsx': tsx+strings\n"
    )
    (tmp_path / "page.mdoc").write_text("# Hi\n\nWe `leverage` and leverage.\n")
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "Hello.tsx").write_text("const a = <p>We leverage it.</p>;\n")
    (tmp_path / "Other.tsx").write_text("const a = <p>We leverage it.</p>;\n")
    workspace = Workspace()
    found = sorted(workspace.files([str(tmp_path)]))
    assert found == sorted(str(tmp_path / n) for n in ("Other.tsx", "page.mdoc", "ui/Hello.tsx"))
    assert workspace.document(str(tmp_path / "page.mdoc")).format == "markdown"
    assert [(a.span.line, a.span.column) for a in workspace.lint_file(tmp_path / "page.mdoc")] == [
        (3, 19)
    ]
    assert [
        (a.span.line, a.span.column) for a in workspace.lint_file(tmp_path / "ui/Hello.tsx")
    ] == [(1, 17)]
    assert workspace.lint_file(tmp_path / "Other.tsx") == []


def test_a_wrong_format_in_the_guide_is_an_error_at_its_place(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(GUIDE + "formats:\n  '*.mdoc': markdwn\n")
    (tmp_path / "page.mdoc").write_text("Hi.\n")
    assert main(["check", str(tmp_path / "page.mdoc")]) == 2
    err = capsys.readouterr().err
    assert "brandlint.yaml:6:" in err
    assert "markdwn" in err


def test_the_language_server_lints_source_files(tmp_path):
    from brandlint.lsp.actions import _COMMENTS
    from brandlint.lsp.engine import Engine
    from brandlint.lsp.session import document_format

    (tmp_path / "brandlint.yaml").write_text(GUIDE)
    assert document_format(str(tmp_path / "a.py"), "python") == "python"
    assert document_format(None, "typescriptreact") == "tsx"
    assert document_format(str(tmp_path / "brief.docx"), None) is None  # no editor buffer
    linting = Engine(Settings()).lint(
        str(tmp_path / "a.py"), "x = 1  # We leverage it.\ny = 'leverage'\n", "python"
    )
    assert linting.guide is not None and not linting.guide.failed
    assert linting.alerts is not None
    assert [(a.span.line, a.span.column, a.scope) for a in linting.alerts] == [
        (1, 13, "comment.line")
    ]
    assert _COMMENTS["python"] == "# brandlint-disable-next-line {rule}"
    assert _COMMENTS["tsx"] == "// brandlint-disable-next-line {rule}"

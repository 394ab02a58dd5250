"""One small document per format, holding every construct Vale gives a scope to.

The compatibility table's scope × format grid (docs/reference/vale-compat.md) is not
written by hand: `brandlint docs` reads each specimen with the format's own reader, as in
a Vale project, and shows which scopes its copy carries. A reader that stops giving a scope
(or starts to) changes the table, and the test on the committed reference says so.
"""

from __future__ import annotations

from dataclasses import dataclass

# The scopes Vale v3.7.1 documents (vale.sh/docs/scopes), plus `title` and front matter
VALE_SCOPES: tuple[str, ...] = (
    "text",
    "summary",
    "raw",
    "sentence",
    "paragraph",
    "heading",
    "heading.h1",
    "heading.h2",
    "list",
    "blockquote",
    "table.header",
    "table.cell",
    "table.caption",
    "figure.caption",
    "alt",
    "title",
    "meta",
    "comment.line",
    "comment.block",
)

# Scopes that are not a reader's: the linter gives them from the copy (or the file) itself
WHOLE_FILE_SCOPES = frozenset({"text", "summary", "raw", "sentence"})


@dataclass(frozen=True)
class Specimen:
    """A document of one format (read as `path`), or why the format is not read."""

    path: str
    source: str = ""
    format: str | None = None
    not_read: str = ""


SPECIMENS: dict[str, Specimen] = {
    "markdown": Specimen(
        "specimen.md",
        "---\ntitle: Launch notes\n---\n# Launch\n\n## Setup\n\nA paragraph.\n\n"
        "- An item\n\n> A quote\n\n| Name | Use |\n| --- | --- |\n| Kestrel | Sync |\n\n"
        '![A chart](chart.png "Chart title")\n',
    ),
    "html": Specimen(
        "specimen.html",
        "<html><head><title>Launch</title></head><body><h1>Launch</h1><h2>Setup</h2>"
        "<p>A paragraph.</p><ul><li>An item</li></ul><blockquote>A quote</blockquote>"
        "<table><caption>Plans</caption><tr><th>Name</th></tr><tr><td>Kestrel</td></tr>"
        '</table><img src="c.png" alt="A chart"><figure><figcaption>A chart</figcaption>'
        "</figure></body></html>\n",
    ),
    "mdx": Specimen(
        "specimen.mdx",
        "# Launch\n\n## Setup\n\nA paragraph.\n\n- An item\n\n> A quote\n\n"
        "| Name | Use |\n| --- | --- |\n| Kestrel | Sync |\n\n![A chart](chart.png)\n",
    ),
    "rst": Specimen(
        "specimen.rst",
        "Launch\n======\n\nSetup\n-----\n\nA paragraph.\n\n- An item\n\n    A quote\n\n"
        ".. table:: Plans\n\n   =======  ====\n   Name     Use\n   =======  ====\n"
        "   Kestrel  Sync\n   =======  ====\n\n.. figure:: chart.png\n   :alt: A chart\n\n"
        "   A caption\n",
    ),
    "org": Specimen(
        "specimen.org",
        "#+title: Launch\n* Launch\n** Setup\nA paragraph.\n\n- An item\n\n"
        "#+begin_quote\nA quote\n#+end_quote\n\n| Name | Use |\n|---+---|\n| Kestrel | Sync |\n",
    ),
    "asciidoc": Specimen(
        "specimen.adoc",
        not_read="brandlint does not read AsciiDoc (Vale converts it with asciidoctor)",
    ),
    "code": Specimen(
        "specimen.js",
        "/* A block comment\n   on two lines. */\n// A line comment.\n"
        "const x = 1; // A trailing one.\n",
    ),
    "text": Specimen("specimen.txt", "A paragraph.\n\nAnother one.\n"),
    "json": Specimen("specimen.json", '{"title": "Launch", "body": "A paragraph."}\n', "json"),
}

"""reStructuredText to blocks of copy, through docutils (the reference parser).

docutils gives a tree whose block nodes carry the line they start on (a title: the line of
its underline) and whose inline nodes carry their markup (`rawsource`); text nodes keep a
backslash escape as a NUL before the character. So each block is found from its line, and
its text, word by word, in order, with the exact column of every word.

Copy: titles (`heading`, `heading.hN` by section depth; the document title is `h1`),
paragraphs, list items and definition lists (`list`), table cells (`table.cell`; header
cells `table.header`, as in Vale), block quotes (`blockquote`), admonitions (`admonition`, their
paragraphs also `paragraph`), figure captions (`caption`), image alt text (`alt`), line
blocks and footnotes. Not copy: literal and code blocks, doctest blocks, raw, comments,
substitution definitions, docinfo fields, system messages; inline literals (` ``x`` `),
code roles (`:func:`, `:class:`…), math, footnote references are masks in the running text.
Sphinx's text roles (`:ref:`, `:doc:`, `:term:`, `:guilabel:`…) are read for their text.
Comments are read for `brandlint-disable` directives.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from brandlint.core.document import BlockDraft, Document, LineIndex, assemble
from brandlint.core.scopes import ValeMarkup
from brandlint.document.masking import add_mask, settle, starred
from brandlint.document.suppressions import SuppressionCollector

if TYPE_CHECKING:
    from docutils import nodes

_SKIP = frozenset(
    {
        "literal_block",
        "doctest_block",
        "raw",
        "comment",
        "system_message",
        "substitution_definition",
        "target",
        "pending",
        "math_block",
        "docinfo",
        "label",
        "option_string",
        "field_name",
        "meta",
    }
)
_TEXT_BLOCKS = frozenset(
    {"paragraph", "title", "subtitle", "term", "rubric", "caption", "attribution", "line"}
)
_INLINE_COPY = frozenset(
    {
        "emphasis",
        "strong",
        "title_reference",
        "reference",
        "subscript",
        "superscript",
        "abbreviation",
        "acronym",
        "inline",
        "classifier",
    }
)
_ADMONITIONS = frozenset(
    "admonition attention caution danger error hint important note tip warning seealso".split()
)
# Sphinx roles whose text a reader reads (the others name code: `:func:`, `:class:`…)
_TEXT_ROLES = frozenset(
    "ref doc term guilabel menuselection abbr dfn numref any download command program".split()
)
# the HTML tags rst2html (docutils' html4css1 writer) gives nodes, which a Vale project's
# SkippedScopes and IgnoredScopes name
_HTML_BLOCKS = {
    "block_quote": "blockquote",
    "literal_block": "pre",
    "doctest_block": "pre",
    "line_block": "div",
    "table": "table",
    "figure": "div",
}
_HTML_INLINE = {
    "emphasis": "em",
    "strong": "strong",
    "literal": "tt",
    "reference": "a",
    "problematic": "a",
    "subscript": "sub",
    "superscript": "sup",
    "title_reference": "cite",
    "abbreviation": "abbr",
    "acronym": "acronym",
}
_ROLE = re.compile(r"^:(?:[\w-]+:)*?([\w-]+):`(.*)`$", re.S)
_WS = re.compile(r"\s+")
_GRID_BORDER = re.compile(r"^\s*\+[-=+]*\+\s*$")
_SIMPLE_BORDER = re.compile(r"^\s*=+(?: +=+)+\s*$")


def _settings() -> dict[str, Any]:
    return {
        "report_level": 5,  # no messages: a problem is a system_message node, skipped
        "halt_level": 5,
        "warning_stream": io.StringIO(),
        "file_insertion_enabled": False,  # never read another file (`.. include::`)
        "raw_enabled": False,
        "syntax_highlight": "none",
        "smart_quotes": False,  # text as written, so it is found in the source
        "input_encoding": "unicode",
        "traceback": True,
    }


class _Walker:
    def __init__(
        self, source: str, comments: SuppressionCollector, vale: ValeMarkup | None = None
    ) -> None:
        self.source = source
        self.vale = vale
        self.lines = LineIndex(source)
        self.comments = comments
        self.drafts: list[BlockDraft] = []
        self.cursor = 0
        self.limit = len(source)
        self.space = False  # white space in the copy before the next word
        self.doc_title = False
        self.bounds: list[int] = []
        self.window: tuple[int, int] | None = None  # a table cell's columns

    def line_start(self, line: int) -> int:
        line = max(1, min(line, len(self.lines.starts)))
        return self.lines.starts[line - 1]

    # -- blocks ---------------------------------------------------------------------------
    def walk(self, node: nodes.Node, context: tuple[str, ...], sections: int) -> None:
        from docutils import nodes

        if not isinstance(node, nodes.Element):
            return
        name = node.tagname
        if name == "comment":
            self.comment(node)
            return
        if name in _SKIP or (self.vale is not None and self.vale_skips(node)):
            return
        if name == "section":
            sections += 1
        elif name in ("bullet_list", "enumerated_list", "definition_list", "option_list"):
            context = (*context, "list")
        elif name == "block_quote":
            context = (*context, "blockquote")
        elif name == "table":
            context = (*context, "table")
            self.bounds = self.columns(node.line)
        elif name == "tgroup" and self.bounds:
            self.rows(node, context, sections, self.bounds)
            self.bounds = []
            return
        elif name == "thead":
            context = (*context, "table.header")
        elif name == "entry" and "table.header" not in context:
            context = (*context, "table.cell")
        elif name in _ADMONITIONS:
            context = (*context, "admonition")
        elif name == "image":
            self.alt(node)
            return
        if name in _TEXT_BLOCKS:
            self.block(node, self.scopes(node, context, sections))
            return
        for child in node.children:
            self.walk(child, context, sections)

    def vale_skips(self, node: nodes.Element) -> bool:
        """Whether a Vale project leaves a block out: its HTML tag (as rst2html writes it)
        is in SkippedScopes, or it has one of the IgnoredClasses."""
        assert self.vale is not None
        tag = _HTML_BLOCKS.get(node.tagname, "")
        return tag in self.vale.skipped or any(
            self.vale.skips_class(str(name)) for name in node.get("classes", ())
        )

    def vale_stars(self, node: nodes.Element) -> bool:
        """Whether a Vale project reads an inline element as `*`s: its tag is in
        IgnoredScopes, or it has one of the IgnoredClasses (an unknown role is
        rst2html's `problematic`)."""
        assert self.vale is not None
        tag = _HTML_INLINE.get(node.tagname, "span")
        classes = [str(name) for name in node.get("classes", ())]
        if node.tagname == "problematic":
            classes.append("problematic")
        return tag in self.vale.ignored or any(self.vale.skips_class(c) for c in classes)

    def columns(self, line: int | None) -> list[int]:
        """The columns where a grid or simple table's cells start (and the last ends), from
        its top border; [] for a list table."""
        if not line:
            return []
        text = self.lines.line_text(line)
        if _GRID_BORDER.match(text):
            return [found.start() for found in re.finditer(r"\+", text)]
        if _SIMPLE_BORDER.match(text):
            return [found.start() for found in re.finditer(r"=+", text)] + [1 << 30]
        return []

    def rows(
        self, tgroup: nodes.Element, context: tuple[str, ...], sections: int, bounds: list[int]
    ) -> None:
        """A grid or simple table's cells, each searched only in its own columns."""
        from docutils import nodes

        taken: dict[int, int] = {}  # column -> rows a cell above still spans
        for part in tgroup.children:
            if not isinstance(part, nodes.Element) or part.tagname not in ("thead", "tbody"):
                continue
            cell = "table.header" if part.tagname == "thead" else "table.cell"
            for row in part.children:
                column = 0
                spans: dict[int, int] = {}
                for entry in row.children:
                    while taken.get(column, 0) > 0:
                        column += 1
                    width = int(entry.get("morecols", 0)) + 1
                    for used in range(column, column + width):
                        spans[used] = int(entry.get("morerows", 0))
                    last = min(column + width, len(bounds) - 1)
                    if column < len(bounds) - 1:
                        self.window = (bounds[column], bounds[last])
                    self.walk(entry, (*context, cell), sections)
                    self.window = None
                    column += width
                taken = {c: n - 1 for c, n in taken.items() if n > 1}
                taken.update({c: n for c, n in spans.items() if n > 0})

    def scopes(
        self, node: nodes.Element, context: tuple[str, ...], sections: int
    ) -> frozenset[str]:
        name = node.tagname
        parent = node.parent.tagname if node.parent is not None else ""
        if name in ("title", "subtitle") and parent in ("document", "section"):
            if parent == "document":
                level = 1 if name == "title" else 2
            else:
                level = min(6, sections + (1 if self.doc_title else 0))
            return frozenset({"heading", f"heading.h{level}"})
        if name == "caption":
            return frozenset({"caption"})
        if parent == "table" and name == "title":
            return frozenset({"table.caption"})
        scopes = set(context) or {"paragraph"}
        if "table.cell" in scopes or "table.header" in scopes:
            scopes -= {"table", "list"}
        elif "list" in scopes or "blockquote" in scopes or "admonition" in scopes:
            scopes.add("paragraph")
        if name == "title":  # an admonition's or a sidebar's title
            scopes.add("title")
        return frozenset(scopes)

    def block(self, node: nodes.Element, scopes: frozenset[str]) -> None:
        line = node.line or _line_of(node)
        if line is None:  # (a subtitle promoted from a section) after what came before
            self.limit = len(self.source)
        else:
            if node.tagname in ("title", "subtitle"):
                line -= 2  # docutils gives a title the line of its underline
            self.cursor = self.line_start(line)
            raw_lines = max(1, node.rawsource.count("\n") + 1) if node.rawsource else 1
            self.limit = self.line_start(line + raw_lines + 4)
            if self.limit <= self.cursor:
                self.limit = len(self.source)
        draft = BlockDraft(scopes)
        self.space = False
        self.inline(node, draft)
        self.drafts.append(draft)

    def alt(self, node: nodes.Element) -> None:
        alt = node.get("alt")
        line = node.line or _line_of(node)
        if not alt or not line or not str(node.rawsource).lstrip().startswith(".."):
            return
        found = re.compile(r"^[ \t]+:alt:[ \t]*", re.M).search(self.source, self.line_start(line))
        if found is None:
            return
        draft = BlockDraft(frozenset({"alt"}))
        self.cursor, self.limit = found.end(), len(self.source)
        self.space = False
        self.words(str(alt), draft)
        self.drafts.append(draft)

    def comment(self, node: nodes.Element) -> None:
        text = node.astext()
        line = node.line or _line_of(node)
        if not line or ("brandlint-" not in text and not text.startswith("vale ")):
            return  # neither a directive nor one of Vale's switches
        first = re.compile(r"^[ \t]*\.\.[ \t]+" + re.escape(text.split("\n")[0]), re.M)
        # the last one up to docutils' line (which may be the line after the comment)
        found = list(first.finditer(self.source, 0, self.line_start(line + 1)))
        start = self.lines.position(found[-1].start())[0] if found else line
        end = start + text.count("\n")
        if text.startswith("brandlint-disable-next-line"):
            # the next line with copy, past the blank line a comment needs
            while end < len(self.lines.starts) and not self.lines.line_text(end + 1).strip():
                end += 1
        self.comments.comment(text, start, end)

    # -- inline ----------------------------------------------------------------------------
    def inline(self, node: nodes.Element, draft: BlockDraft) -> None:
        from docutils import nodes

        for child in node.children:
            if isinstance(child, nodes.Text):
                self.words(str(child), draft)
            elif not isinstance(child, nodes.Element) or child.tagname in _SKIP:
                continue
            elif self.vale is not None and self.vale_stars(child):
                start, end = self.locate(str(child.rawsource))
                if start >= 0:
                    self.gap(draft, start)
                    draft.add(starred(child.astext()), start, end)
                    self.cursor = end
                    self.space = False
            elif self.vale is not None and child.tagname == "literal":
                start, end = self.locate(str(child.rawsource))  # code Vale reads as copy
                if start >= 0:
                    self.gap(draft, start)  # the space before the markup, not the markup
                    self.cursor = start
                self.inline(child, draft)
                if end >= 0:
                    self.cursor = max(self.cursor, end)
            elif child.tagname in _INLINE_COPY:
                start, end = self.locate(str(child.rawsource))
                if start >= 0:
                    self.gap(draft, start)  # the space before it is not in it
                    self.cursor = start
                links = draft.length
                self.inline(child, draft)
                if child.tagname == "reference":
                    draft.mark_inline("link", links)
                if end >= 0:
                    self.cursor = max(self.cursor, end)
            elif child.tagname == "problematic" and self.vale is None and self.role(child, draft):
                continue
            else:  # a literal, math, a footnote reference, an image: not copy
                start, end = self.locate(str(child.rawsource))
                if start >= 0:
                    add_mask(draft, start, end)
                    self.cursor = end
                    self.space = False

    def role(self, node: nodes.Element, draft: BlockDraft) -> bool:
        """An unknown role (Sphinx's): the text of those a reader reads, as copy."""
        found = _ROLE.match(str(node.rawsource))
        if found is None or found.group(1) not in _TEXT_ROLES:
            return False
        start, end = self.locate(str(node.rawsource))
        if start < 0:
            return False
        text = found.group(2)
        shown = text[: text.index("<")].rstrip() if re.search(r"<[^<>]*>$", text) else text
        self.cursor = start + len(found.group()) - len(text) - 1
        self.words(shown.lstrip("~!"), draft)
        self.cursor = end
        return True

    def search(self, pattern: str) -> re.Match[str] | None:
        """The next match of `pattern` after the cursor, within a table cell's columns."""
        compiled = re.compile(pattern)
        position = self.cursor
        while True:
            found = compiled.search(self.source, position, self.limit)
            if found is None or self.window is None:
                return found
            column = self.lines.position(found.start())[1] - 1
            width = len(found.group().split("\n")[0])
            if self.window[0] <= column and column + width <= self.window[1]:
                return found
            position = found.start() + 1

    def locate(self, raw: str) -> tuple[int, int]:
        """Where markup `raw` is next in the source (line breaks and indentation may
        differ), as (start, end); (-1, -1) if it is not."""
        if not raw.strip():
            return -1, -1
        found = self.search(r"\s+".join(re.escape(part) for part in raw.split()))
        return found.span() if found else (-1, -1)

    def words(self, text: str, draft: BlockDraft) -> None:
        """Docutils text (a backslash escape kept as NUL) word by word, each found in the
        source after the cursor; white space in it reads as one space."""
        if text[:1].isspace():
            self.space = True
        for word in _WS.split(text):
            if not word:
                continue
            shown = word.replace("\x00", "")
            if not shown:
                continue
            pattern = "".join(
                r"\\" if char == "\x00" else re.escape(char) for char in word
            ).replace(r"\\ ", "")
            found = self.search(pattern)
            if found is None:
                continue  # not locatable: leave it out rather than report a wrong place
            start, end = found.span()
            self.gap(draft, start)
            if found.group() == shown:
                draft.add(shown, start)
            else:
                self._escaped(draft, word, start)
            self.cursor = end
            self.space = True
        if not text[-1:].isspace():
            self.space = False

    def gap(self, draft: BlockDraft, start: int) -> None:
        """The white space between the cursor and `start`, if the copy has any there: one
        space; for a Vale project, which reads rst2html's HTML, as that keeps it: a line
        break where the source breaks the line (indentation gone), else as written."""
        if self.space and draft.length:
            between = self.source[self.cursor : start]
            if self.vale is None or not between.isspace():
                draft.add_space(self.cursor, start)
            elif "\n" in between:
                draft.add("\n", self.cursor, start)
            else:
                draft.add(between, self.cursor)
        self.space = False

    @staticmethod
    def _escaped(draft: BlockDraft, word: str, start: int) -> None:
        """A word with backslash escapes: each `\\x` maps to the character it stands for."""
        position = start
        for part in re.split("(\x00.)", word):
            if part.startswith("\x00"):
                draft.add(part[1:], position, position + 2)
                position += 2
            elif part:
                draft.add(part, position)
                position += len(part)


def _line_of(node: nodes.Node) -> int | None:
    while node is not None:
        line = getattr(node, "line", None)
        if line:
            return int(line)
        node = node.parent
    return None


def rst_document(path: str, source: str, vale: ValeMarkup | None = None) -> Document:
    """A reStructuredText source as a Document; `vale`: as the Vale project whose file this
    is reads it (through rst2html's HTML)."""
    from docutils.core import publish_doctree

    comments = SuppressionCollector()
    walker = _Walker(source, comments, vale)
    try:
        tree = publish_doctree(source, source_path=path, settings_overrides=_settings())
    except Exception:  # docutils gave up on this source: read it as plain text
        from brandlint.document.plain import plain_blocks

        return assemble(path, source, plain_blocks(source, 0), format="rst")
    walker.doc_title = any(child.tagname == "title" for child in tree.children)
    walker.walk(tree, (), 0)
    drafts = [settle(draft, links=True) for draft in walker.drafts]
    drafts.sort(key=lambda draft: draft.pieces[0][1] if draft.pieces else 0)
    return assemble(path, source, drafts, format="rst", suppressions=comments.finish())

"""Copy in source code: the comments (and, on request, the string literals) of a program.

Each file goes through a real parser: tree-sitter, with the prebuilt grammars of
`tree-sitter-language-pack`, loaded only when a file of that language is read. A grammar
decides what is a comment, so a `//` inside a string stays code.

What is copy, as in Vale (`internal/lint/code`):

- comments, in the scopes `comment.line` (a comment on one line; a run of line comments
  alone on consecutive lines at the same column reads as one block) and `comment.block`
  (a block comment over several lines). The markers are not copy: `//`, `///`, `//!`, `#`,
  `--`, `;`, `/* */`, `/** */`, `{- -}`, `--[[ ]]`, `<# #>`, `#= =#`, `=begin =end`, the
  leading `*` of a block comment's lines, Haddock's `|` and `^`. A blank comment line parts
  paragraphs (each its own block); a line of nothing but punctuation (`// -----`) is a rule,
  not copy;
- Python docstrings (of a module, class or function), as Vale reads them: comments
  (`comment.block` or `comment.line`, and `docstring`), without their quotes;
- string literals only when asked for (Vale lints no string): the format `LANG+strings`
  (the guide's `formats: {"src/**/*.tsx": tsx+strings}`) adds each string literal with a
  letter in it, and JSX text, in the scope `string` (`string.jsx` for JSX text). An
  interpolation (`${name}`, `{x}`) is a mask, so the words around it never join.

Comments are also read for `brandlint-disable` directives.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from brandlint.core.document import BlockDraft, Document, LineIndex, assemble
from brandlint.core.scopes import ValeMarkup
from brandlint.document.masking import add_mask, settle
from brandlint.document.mdx import CODE_TAGS, INLINE_TAGS
from brandlint.document.suppressions import SuppressionCollector

if TYPE_CHECKING:
    from tree_sitter import Language as Grammar
    from tree_sitter import Node, Query

STRINGS = "+strings"
"""The suffix of a code format that adds string literals to the copy (`tsx+strings`)."""

_C_OPEN = r"//[/!]?|(?P<block>/\*[*!]?)"
_HASH = r"#+!?"


@dataclass(frozen=True)
class Language:
    """How one language's comments and strings look to its tree-sitter grammar."""

    grammar: str  # the name in tree-sitter-language-pack
    comments: tuple[str, ...]  # node types of comments
    # a comment's opening marker, matched at its start; a block comment's in group `block`
    opening: str
    closing: str = ""  # a block comment's closing marker, matched at its end
    inner: str = ""  # what starts each further line of a block comment (` * `)
    strings: tuple[str, ...] = ()  # node types of string literals
    docstrings: bool = False  # Python: the first string of a body is a comment


def _c_like(grammar: str, comments: tuple[str, ...], strings: tuple[str, ...] = ()) -> Language:
    return Language(grammar, comments, _C_OPEN, r"\*/", r"\*(?!/)", strings)


LANGUAGES: dict[str, Language] = {
    "python": Language("python", ("comment",), _HASH, strings=("string",), docstrings=True),
    "javascript": _c_like("javascript", ("comment",), ("string", "template_string", "jsx_text")),
    "typescript": _c_like("typescript", ("comment",), ("string", "template_string")),
    "tsx": _c_like("tsx", ("comment",), ("string", "template_string", "jsx_text")),
    "go": _c_like("go", ("comment",), ("interpreted_string_literal", "raw_string_literal")),
    "rust": _c_like(
        "rust", ("line_comment", "block_comment"), ("string_literal", "raw_string_literal")
    ),
    "c": _c_like("c", ("comment",), ("string_literal",)),
    "cpp": _c_like("cpp", ("comment",), ("string_literal", "raw_string_literal")),
    "csharp": _c_like(
        "csharp",
        ("comment",),
        (
            "string_literal",
            "verbatim_string_literal",
            "raw_string_literal",
            "interpolated_string_expression",
        ),
    ),
    "java": _c_like("java", ("line_comment", "block_comment"), ("string_literal",)),
    "kotlin": _c_like("kotlin", ("line_comment", "multiline_comment"), ("string_literal",)),
    "scala": _c_like("scala", ("comment", "block_comment"), ("string", "interpolated_string")),
    "swift": _c_like(
        "swift",
        ("comment", "multiline_comment"),
        ("line_string_literal", "multi_line_string_literal"),
    ),
    "dart": _c_like("dart", ("comment", "documentation_comment"), ("string_literal",)),
    "groovy": _c_like("groovy", ("line_comment", "block_comment"), ("string",)),
    "php": Language(
        "php",
        ("comment",),
        r"//|#(?!\[)|(?P<block>/\*[*!]?)",
        r"\*/",
        r"\*(?!/)",
        strings=("string", "encapsed_string"),
    ),
    "proto": _c_like("proto", ("comment",), ("string",)),
    "css": _c_like("css", ("comment", "js_comment")),
    "scss": _c_like("scss", ("comment", "js_comment"), ("string_value",)),
    "ruby": Language(
        "ruby", ("comment",), r"(?P<block>=begin\b)|#+", r"^=end\b.*", strings=("string",)
    ),
    "shell": Language("bash", ("comment",), _HASH, strings=("string", "raw_string")),
    "perl": Language("perl", ("comment",), _HASH, strings=("string_literal",)),
    "r": Language("r", ("comment",), _HASH, strings=("string",)),
    "elixir": Language("elixir", ("comment",), _HASH, strings=("string",)),
    "julia": Language(
        "julia",
        ("line_comment", "block_comment"),
        r"(?P<block>#=)|#",
        r"=#",
        strings=("string_literal",),
    ),
    "powershell": Language(
        "powershell",
        ("comment",),
        r"(?P<block><#)|#",
        r"#>",
        strings=("string_literal", "expandable_string_literal"),
    ),
    "lua": Language(
        "lua", ("comment",), r"(?P<block>--\[=*\[)|--+", r"\]=*\]", strings=("string",)
    ),
    "haskell": Language(
        "haskell",
        ("comment", "haddock"),
        r"(?P<block>\{-[|^]?)|--+(?:[ \t]*[|^](?=\s))?",
        r"-\}",
        strings=("string",),
    ),
    "clojure": Language("clojure", ("comment",), r";+", strings=("str_lit",)),
}

EXTENSIONS: dict[str, str] = {
    **dict.fromkeys((".py", ".pyw", ".pyi", ".py3"), "python"),
    **dict.fromkeys((".js", ".jsx", ".mjs", ".cjs"), "javascript"),
    **dict.fromkeys((".ts", ".mts", ".cts"), "typescript"),
    ".tsx": "tsx",
    ".go": "go",
    ".rs": "rust",
    ".c": "c",
    **dict.fromkeys((".cpp", ".cc", ".cxx", ".c++", ".cp", ".h", ".hh", ".hpp", ".hxx"), "cpp"),
    **dict.fromkeys((".cs", ".csx"), "csharp"),
    **dict.fromkeys((".java", ".bsh"), "java"),
    **dict.fromkeys((".kt", ".kts"), "kotlin"),
    **dict.fromkeys((".scala", ".sbt", ".sc"), "scala"),
    ".swift": "swift",
    ".dart": "dart",
    **dict.fromkeys((".groovy", ".gradle"), "groovy"),
    ".php": "php",
    ".proto": "proto",
    **dict.fromkeys((".scss", ".less"), "scss"),
    **dict.fromkeys((".rb", ".gemspec", ".rake"), "ruby"),
    **dict.fromkeys((".sh", ".bash", ".zsh"), "shell"),
    **dict.fromkeys((".pl", ".pm"), "perl"),
    ".r": "r",
    **dict.fromkeys((".ex", ".exs"), "elixir"),
    ".jl": "julia",
    **dict.fromkeys((".ps1", ".psm1", ".psd1"), "powershell"),
    ".lua": "lua",
    ".hs": "haskell",
    **dict.fromkeys((".clj", ".cljs", ".cljc", ".cljd"), "clojure"),
}
"""Source files brandlint reads by extension, and their format (a key of LANGUAGES)."""

CODE_FORMATS = frozenset(LANGUAGES) - {"css"}
"""The code formats (CSS is its own format: a stylesheet whose comments are copy)."""

# what a string literal holds inside its quotes, in the grammars above
_CONTENT = frozenset(
    {
        "string_content",
        "string_fragment",
        "interpreted_string_literal_content",
        "raw_string_literal_content",
        "raw_string_content",
        "multiline_string_fragment",
        "line_str_text",
        "multi_line_str_text",
        "string_literal_content",
        "content",
        "quoted_content",
    }
)
_ESCAPES = {"\\n": " ", "\\t": " ", "\\'": "'", '\\"': '"', "\\\\": "\\", "\\`": "`"}
_QUOTES = re.compile(r"""^[A-Za-z@$]*(\"\"\"|'''|"|'|`)""")
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
_JSX = frozenset({"string", "string.jsx"})
_INLINE_TAG = re.compile(rf"</?(?:{'|'.join(sorted(INLINE_TAGS))})\b[^<>{{}}]*>")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w")


def language_of(format: str) -> Language | None:
    """The language of a code format (`tsx`, `tsx+strings`), or None."""
    return LANGUAGES.get(format.removesuffix(STRINGS))


@cache
def _grammar(name: str) -> Grammar:
    from tree_sitter_language_pack import get_language

    return get_language(name)  # type: ignore[arg-type]


@cache
def _query(name: str, types: tuple[str, ...]) -> Query:
    from tree_sitter import Query

    return Query(_grammar(name), " ".join(f"({kind}) @node" for kind in types))


def _nodes(root: Node, name: str, types: tuple[str, ...]) -> list[Node]:
    if not types:
        return []
    from tree_sitter import QueryCursor

    found = QueryCursor(_query(name, types)).captures(root).get("node", [])
    return sorted(found, key=lambda node: node.start_byte)


@dataclass
class _Comment:
    """One comment in source code, and where its copy lies."""

    start: int  # source offsets of the whole comment, markers included
    end: int
    lines: list[tuple[int, int] | None]  # each line's copy (None: a blank line)
    column: int
    own_line: bool  # nothing but white space before it on its line
    docstring: bool = False

    @property
    def one_line(self) -> bool:
        return len(self.lines) <= 1


class CodeCopy:
    """Collects the copy of one source file."""

    def __init__(self, source: str, language: Language, *, strings: bool = False) -> None:
        self.source = source
        self.language = language
        self.strings = strings
        self.lines = LineIndex(source)
        data = source.encode("utf-8", "surrogatepass")
        self.data = data
        if len(data) == len(source):
            self.char: Callable[[int], int] = lambda offset: offset
        else:
            starts = list(
                accumulate((len(c.encode("utf-8", "surrogatepass")) for c in source), initial=0)
            )
            self.char = lambda offset: bisect.bisect_left(starts, offset)
        self.opening = re.compile(language.opening)
        self.closing = (
            re.compile(rf"(?:{language.closing})\s*\Z", re.M) if language.closing else None
        )
        self.inner = re.compile(language.inner) if language.inner else None

    def parse(self, comments: SuppressionCollector | None = None) -> list[BlockDraft]:
        from tree_sitter import Parser

        language = self.language
        tree = Parser(_grammar(language.grammar)).parse(self.data)
        found = [
            self.comment(node)
            for node in _nodes(tree.root_node, language.grammar, language.comments)
        ]
        if language.docstrings:
            found += [self.docstring(node) for node in _docstrings(tree.root_node)]
            found.sort(key=lambda comment: comment.start)
        if comments is not None:
            for comment in found:
                body = " ".join(self.source[s:e] for s, e in filter(None, comment.lines))
                first = self.lines.position(comment.start)[0]
                comments.comment(body, first, self.lines.position(max(comment.end - 1, 0))[0])
        drafts = [draft for group in self.groups(found) for draft in self.drafts(group)]
        if self.strings:
            drafts += self.string_drafts(tree.root_node, {c.start for c in found if c.docstring})
            drafts.sort(key=lambda draft: draft.pieces[0][1])
        return [settle(draft, links=True) for draft in drafts]

    # -- comments ---------------------------------------------------------------------
    def comment(self, node: Node) -> _Comment:
        start, end = self.char(node.start_byte), self.char(node.end_byte)
        raw = self.source[start:end]
        opening = self.opening.match(raw)
        body_start = opening.end() if opening else 0
        body_end = len(raw)
        block = opening is not None and opening.groupdict().get("block") is not None
        if block and self.closing is not None:
            closing = self.closing.search(raw, body_start)
            if closing is not None:
                body_end = closing.start()
        if start == 0 and raw.startswith("#!"):  # a shebang line
            body_start = body_end
        return self._comment(start, end, body_start, body_end, self.inner if block else None)

    def docstring(self, node: Node) -> _Comment:
        start, end = self.char(node.start_byte), self.char(node.end_byte)
        raw = self.source[start:end]
        quote = _QUOTES.match(raw)
        body_start = quote.end() if quote else 0
        body_end = (
            len(raw) - len(quote.group(1)) if quote and raw.endswith(quote.group(1)) else len(raw)
        )
        comment = self._comment(start, end, body_start, max(body_start, body_end), None)
        comment.docstring = True
        return comment

    def _comment(
        self, start: int, end: int, body_start: int, body_end: int, inner: re.Pattern[str] | None
    ) -> _Comment:
        raw = self.source[start:end]
        lines: list[tuple[int, int] | None] = []
        for index, line in enumerate(_LINE.finditer(raw, body_start, body_end)):
            text = line.group().rstrip("\r\n")
            if not text and line.start() == body_end and index:
                break
            left = len(text) - len(text.lstrip())
            if index and inner is not None:
                prefix = inner.match(text, left)
                if prefix:
                    left = prefix.end()
                    left += len(text[left:]) - len(text[left:].lstrip())
            right = len(text.rstrip())
            if right <= left or not _WORD.search(text, left, right):
                lines.append(None)
            else:
                lines.append((start + line.start() + left, start + line.start() + right))
            if line.end() >= body_end:
                break
        line_no, column = self.lines.position(start)
        before = self.source[self.lines.offset(line_no, 1) : start]
        return _Comment(start, end, lines, column, own_line=not before.strip())

    def groups(self, comments: list[_Comment]) -> Iterator[list[_Comment]]:
        """Line comments alone on consecutive lines, at the same column, read as one."""
        group: list[_Comment] = []
        for comment in comments:
            if group and self._continues(group[-1], comment):
                group.append(comment)
                continue
            if group:
                yield group
            group = [comment]
        if group:
            yield group

    def _continues(self, previous: _Comment, comment: _Comment) -> bool:
        if not (previous.one_line and comment.one_line and previous.own_line and comment.own_line):
            return False
        if previous.docstring or comment.docstring or previous.column != comment.column:
            return False
        between = self.source[previous.end : comment.start]
        return (
            between.count("\n") + between.count("\r") - between.count("\r\n") == 1
            and not between.strip()
        )

    def drafts(self, group: list[_Comment]) -> Iterator[BlockDraft]:
        block = len(group) == 1 and not group[0].one_line
        kind = "comment.block" if block and self._spans_lines(group[0]) else "comment.line"
        scopes = frozenset({"comment", kind, *(("docstring",) if group[0].docstring else ())})
        draft = BlockDraft(scopes)
        for comment in group:
            for line in comment.lines:
                if line is None:
                    if draft.length:
                        yield draft
                        draft = BlockDraft(scopes)
                    continue
                if draft.length:
                    draft.add_space(draft.pieces[-1][2], line[0])
                draft.add(self.source[line[0] : line[1]], line[0])
        if draft.length:
            yield draft

    def _spans_lines(self, comment: _Comment) -> bool:
        return self.lines.position(comment.start)[0] != self.lines.position(comment.end)[0]

    # -- strings ------------------------------------------------------------------------
    def string_drafts(self, root: Node, docstrings: set[int]) -> list[BlockDraft]:
        """String literals with a letter in them, and the text of each JSX element (its
        runs of text as one block, what stands between them masked)."""
        language = self.language
        drafts: list[BlockDraft] = []
        elements: dict[tuple[int, int], tuple[BlockDraft, int]] = {}
        for node in _nodes(root, language.grammar, language.strings):
            start, end = self.char(node.start_byte), self.char(node.end_byte)
            if node.type == "jsx_text":
                element = _jsx_element(node)
                if element is None:
                    continue  # inside <code>, <pre>…
                key = (element.start_byte, element.end_byte)
                draft, position = elements.get(key, (BlockDraft(_JSX), -1))
                if position < 0:
                    drafts.append(draft)
                else:
                    self._jsx_gap(draft, position, start)
                self._add_text(draft, start, end)
                elements[key] = (draft, end)
            elif start not in docstrings and not _in_import(node):
                string = self.string(node)
                if string is not None:
                    drafts.append(string)
        return [draft for draft in drafts if _LETTER.search(draft.text)]

    def _jsx_gap(self, draft: BlockDraft, start: int, end: int) -> None:
        """What stands between two runs of an element's text: phrasing tags (`<b>`, `<a>`)
        stand for nothing; an expression (`{name}`) or another element is a mask."""
        gap = self.source[start:end]
        if _INLINE_TAG.sub("", gap).strip():
            add_mask(draft, start, end)
        elif gap.strip() != gap or not gap:
            draft.add_space(start, end)

    def string(self, node: Node) -> BlockDraft | None:
        """A string literal's copy: its content, escapes decoded, interpolations masked."""
        draft = BlockDraft(frozenset({"string"}))
        start, end = self.char(node.start_byte), self.char(node.end_byte)
        contents = [c for c in _descendants(node) if c.type in _CONTENT]
        if contents:
            position = None
            for content in contents:
                at, stop = self.char(content.start_byte), self.char(content.end_byte)
                if position is not None and at > position:
                    self._between(draft, position, at)
                self._add_text(draft, at, stop)
                position = stop
        else:
            raw = self.source[start:end]
            quote = _QUOTES.match(raw)
            if quote is None:
                return None
            closing = len(raw) - len(quote.group(1)) if raw.endswith(quote.group(1)) else len(raw)
            self._add_text(draft, start + quote.end(), start + max(quote.end(), closing))
        return draft

    def _between(self, draft: BlockDraft, start: int, end: int) -> None:
        raw = self.source[start:end]
        if raw in _ESCAPES:
            draft.add(_ESCAPES[raw], start, end)
        else:
            add_mask(draft, start, end)

    def _add_text(self, draft: BlockDraft, start: int, end: int) -> None:
        """Source text as copy: runs of white space (line breaks too) read as one space."""
        position = start
        for run in re.finditer(r"\S+", self.source[start:end]):
            at = start + run.start()
            if at > position:
                draft.add_space(position, at)
            draft.add(run.group(), at)
            position = at + len(run.group())
        if end > position:
            draft.add_space(position, end)


def _descendants(node: Node) -> Iterator[Node]:
    for child in node.children:
        if child.type in _CONTENT:
            yield child
        elif "interpolation" not in child.type and child.type != "interpolated_expression":
            yield from _descendants(child)


def _jsx_element(node: Node) -> Node | None:
    """The element a run of JSX text belongs to: the nearest one that is not a phrasing
    element (`<b>`, `<a>`); None inside a code element (`<code>`, `<pre>`)."""
    element = node.parent
    found = None
    while element is not None and element.type in ("jsx_element", "jsx_fragment"):
        opening = element.named_children[0] if element.named_child_count else None
        name_node = opening.child_by_field_name("name") if opening is not None else None
        name = name_node.text.decode() if name_node is not None and name_node.text else ""
        if name in CODE_TAGS:
            return None
        if found is None and name not in INLINE_TAGS:
            found = element
        element = element.parent
    return found or node.parent


def _in_import(node: Node) -> bool:
    """A module name (`import x from "react"`, `require("x")`) is not copy."""
    parent = node.parent
    while parent is not None and parent.type in ("string", "arguments"):
        parent = parent.parent
    if parent is None:
        return False
    if "import" in parent.type or (
        "export" in parent.type and parent.child_by_field_name("source")
    ):
        return True
    if parent.type == "call_expression":
        callee = parent.child_by_field_name("function")
        return callee is not None and callee.text in (b"require", b"import")
    return False


def _docstrings(root: Node) -> Iterator[Node]:
    """Python docstrings: the first statement of a module, class or function, if it is a
    string (Vale's three queries)."""
    yield from _first_string(root)
    for body in _nodes(root, "python", ("function_definition", "class_definition")):
        block = body.child_by_field_name("body")
        if block is not None:
            yield from _first_string(block)


def _first_string(body: Node) -> Iterator[Node]:
    for child in body.named_children:
        if child.type == "comment":
            continue
        if child.type == "expression_statement" and child.named_child_count == 1:
            child = child.named_children[0]  # (older grammars wrap the string)
        if child.type == "string":
            yield child
        return


def code_document(path: str, source: str, format: str, vale: ValeMarkup | None = None) -> Document:
    """A source file as a Document whose copy is its comments (and strings, on request);
    in a Vale project, without the comments its IgnoredScopes name (`text.comment.line`)."""
    language = language_of(format)
    if language is None:
        raise ValueError(f"not a code format: {format}")
    comments = SuppressionCollector()
    drafts = CodeCopy(source, language, strings=format.endswith(STRINGS)).parse(comments)
    if vale is not None:
        drafts = [
            draft
            for draft in drafts
            if "comment" not in draft.scopes or not vale.skips_comment(draft.scopes)
        ]
    return assemble(
        path,
        source,
        drafts,
        format=format.removesuffix(STRINGS),
        suppressions=comments.finish(),
    )


def comment_drafts(source: str, format: str) -> list[BlockDraft]:
    """The comments of a source (a stylesheet), as block drafts (no directives read)."""
    language = language_of(format)
    if language is None or not any(mark in source for mark in ("/*", "//", "#", "--", ";")):
        return []
    return CodeCopy(source, language).parse()

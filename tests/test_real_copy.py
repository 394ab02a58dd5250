"""Invariants over every alert and every fix on a corpus of real published pages.

`tests/data/real_copy/` holds a few hundred Markdown, MDX and HTML pages from public
repositories (licences and commits in each source's SOURCE.md). They are linted with the
built-in packs and an official Vale style (write-good), in one pass, and each alert and
each fix must keep to what a reader of the page expects of a linter (issue 13, item 6).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from brandlint import Settings, Workspace
from brandlint.core.alerts import Alert
from brandlint.core.document import Document
from brandlint.fixer import plan_edits

CORPUS = Path(__file__).parent / "data" / "real_copy"
WRITE_GOOD = Path(__file__).parent / "vale_compat" / "data" / "styles" / "write-good"
PAGES = (".md", ".markdown", ".mdx", ".html")
# what marks up copy in these formats; an alert's match holds none of it
MARKUP = ("`", "**", "](", "<", ">", "{{", "{%")
GUIDE = """\
name: real-copy
extends:
  - brandlint:plain-language
  - brandlint:inclusive
  - brandlint:hype
  - brandlint:tone
  - brandlint:readability
  - ./styles/write-good
# react.dev renders its .md pages as MDX (JSX elements, `{/*id*/}` heading anchors), as
# its own site does; read as CommonMark, Markdown inside its components is literal text
formats:
  "**/react.dev/**/*.md": mdx
"""


def pages() -> list[Path]:
    """The pages, under <source>/<their path in the repository> (not the notices)."""
    return sorted(
        p for p in CORPUS.rglob("*") if p.suffix in PAGES and len(p.relative_to(CORPUS).parts) > 2
    )


@dataclass(frozen=True)
class Page:
    path: Path
    source: str
    document: Document
    alerts: list[Alert]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("guide")
    shutil.copytree(WRITE_GOOD, root / "styles" / "write-good")
    (root / "brandlint.yaml").write_text(GUIDE, encoding="utf-8")
    return Workspace(Settings(guide=str(root / "brandlint.yaml")))


@pytest.fixture(scope="module")
def linted(workspace: Workspace) -> list[Page]:
    """Every page, read and linted once for all the tests."""
    found = []
    for path in pages():
        source = path.read_text(encoding="utf-8")
        document = workspace.document(str(path), source)
        found.append(Page(path, source, document, workspace.lint(document)))
    return found


def copy_ranges(document: Document) -> list[tuple[int, int]]:
    """Source ranges that are copy: taken verbatim, or decoded from one entity."""
    ranges = []
    for segment in document.position_map.segments:
        text = document.text[segment.text_start : segment.text_end]
        if segment.verbatim or (len(text) == 1 and not text.isspace()):
            ranges.append((segment.source_start, segment.source_end))
    return sorted(ranges)


def outside_copy(source: str, ranges: list[tuple[int, int]], start: int, end: int) -> Iterator[int]:
    """Offsets in source[start:end] that are neither copy nor white space."""
    inside = set()
    for first, last in ranges:
        if last > start and first < end:
            inside.update(range(max(first, start), min(last, end)))
    return (i for i in range(start, end) if i not in inside and not source[i].isspace())


def spanned(page: Page) -> list[Alert]:
    """The alerts on a stretch of copy (not those about the whole page)."""
    return [a for a in page.alerts if a.match and a.span.end_offset > a.span.offset]


def test_corpus_is_large_enough() -> None:
    sources = {p.relative_to(CORPUS).parts[0] for p in pages()}
    assert len(pages()) >= 300
    assert len(sources) >= 2
    assert all((CORPUS / s / "SOURCE.md").is_file() for s in sources)


def test_match_is_the_source_cut_at_the_span(linted: list[Page]) -> None:
    wrong = [
        (p.path.name, a.rule, a.span.line, a.match, p.source[a.span.offset : a.span.end_offset])
        for p in linted
        for a in spanned(p)
        if p.source[a.span.offset : a.span.end_offset] != a.match
    ]
    assert wrong == []
    assert sum(len(spanned(p)) for p in linted) > 1000  # the corpus does exercise the rules


# Rules whose alert covers a whole sentence, paragraph or heading: inline markup inside it
# (a link, a code span) is part of the unit, so only its two ends must be copy.
WHOLE_UNITS = frozenset(
    {
        "brandlint.tone.sentence-length",
        "brandlint.tone.paragraph-length",
        "brandlint.tone.heading-case",
        "brandlint.readability.grade",
    }
)


def test_whole_unit_spans_start_and_end_on_copy(linted: list[Page]) -> None:
    wrong = []
    for page in linted:
        ranges = copy_ranges(page.document)
        for alert in spanned(page):
            if alert.rule not in WHOLE_UNITS:
                continue
            start, end = alert.span.offset, alert.span.end_offset
            ends = [*outside_copy(page.source, ranges, start, start + 1)]
            ends += outside_copy(page.source, ranges, end - 1, end)
            if ends:
                wrong.append((page.path.name, alert.rule, alert.span.line, alert.match))
    assert wrong == []


# What may stand between the words of a phrase that runs across inline emphasis or a link
# ("be *drafted*", "a [a](/docs/) list"): emphasis marks, link brackets and targets, and the
# HTML tags of phrasing elements. Vale reads the rendered text and flags these phrases too.
INLINE_MARKUP = re.compile(
    r"(?:[*_~\[\]]|\]\([^()]*\)|\]\[[^\]]*\]|</?(?:a|em|strong|b|i|s|del|u|mark|span)\b[^<>]*>)+"
)


def markup_runs(ranges: list[tuple[int, int]], source: str, start: int, end: int) -> list[str]:
    """The stretches of source[start:end] that are not copy and not only white space."""
    inside = set()
    for first, last in ranges:
        if last > start and first < end:
            inside.update(range(max(first, start), min(last, end)))
    runs: list[str] = []
    run: list[str] = []
    for offset in range(start, end + 1):
        if offset < end and offset not in inside:
            run.append(source[offset])
        elif run:
            if "".join(run).strip():
                runs.append("".join(run))
            run = []
    return runs


def test_word_spans_start_and_end_on_copy_and_cross_only_emphasis_or_links(
    linted: list[Page],
) -> None:
    """A word or phrase alert starts and ends on copy; markup inside it is only emphasis or
    a link that the phrase runs across (never code, a URL, a key or a tag), and no fix
    touches such a span: `fix` holds it, for a person to choose."""
    wrong = []
    for page in linted:
        ranges = copy_ranges(page.document)
        edits = plan_edits(page.alerts, page.source)
        for alert in spanned(page):
            if alert.rule in WHOLE_UNITS:
                continue
            start, end = alert.span.offset, alert.span.end_offset
            runs = markup_runs(ranges, page.source, start, end)
            copy = page.source[start:end]
            for run in runs:
                copy = copy.replace(run, " ")
            if (
                any(outside_copy(page.source, ranges, start, start + 1))
                or any(outside_copy(page.source, ranges, end - 1, end))
                or any(not INLINE_MARKUP.fullmatch(re.sub(r"\s+", "", run)) for run in runs)
                or any(mark in copy for mark in MARKUP)
            ):
                wrong.append((page.path.name, alert.rule, alert.span.line, alert.match))
            elif runs and (
                alert.fixable
                or any(e.rule == alert.rule and e.start < end and start < e.end for e in edits)
            ):
                wrong.append((page.path.name, alert.rule, alert.span.line, "fixed: " + alert.match))
    assert wrong == []


def structure(document: Document) -> tuple[object, ...]:
    return (
        document.format,
        tuple(sorted(document.meta)),
        tuple(tuple(sorted(b.scopes)) for b in document.blocks),
    )


def test_fix_changes_only_copy_keeps_structure_and_settles(
    workspace: Workspace, linted: list[Page]
) -> None:
    """On every third page with a fix to make (fixing lints each page two to five times
    more, so all of them would take minutes): each edit of the first round lies in copy,
    the fixed page reads into the same blocks, and fixing it again changes nothing."""
    fixable = [p for p in linted if plan_edits(p.alerts, p.source)][::3]
    wrong: list[tuple[str, str]] = []
    for page in fixable:
        ranges = copy_ranges(page.document)
        for edit in plan_edits(page.alerts, page.source):
            # a change lies within copy; an insertion touches copy on at least one side
            start, end = (
                (edit.start - 1, edit.end + 1) if edit.start == edit.end else (edit.start, edit.end)
            )
            stray = list(outside_copy(page.source, ranges, max(start, 0), end))
            if stray and (edit.start != edit.end or len(stray) > 1):
                wrong.append((page.path.name, f"{edit.rule} edits {page.source[start:end]!r}"))
        name = str(page.path)
        result = workspace.fix_text(name, page.source)
        if structure(workspace.document(name, result.fixed)) != structure(page.document):
            wrong.append((page.path.name, "structure changed"))
        if workspace.fix_text(name, result.fixed).changed:
            wrong.append((page.path.name, "a second fix changed the text"))
    assert wrong == []
    assert len(fixable) > 50  # the corpus does exercise the fixer

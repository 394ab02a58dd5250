"""Vale's placement of alerts, for the Vale drop-in mode (`brandlint check --vale-compat`).

brandlint puts each alert on the exact source span its copy came from. Vale does not know
that span: it lints its own plain-text rendering of each block and then looks for the
match's text in the file by string search. Where the text is not in the source as written
(a phrase across a link, an entity, inline emphasis) it guesses the line, and after each
alert it blanks the match in its copy so the next alert of the same rule lands further on;
an alert landing where the same rule already reported is dropped. Teams whose tooling
compares brandlint's output against Vale's (baselines, review bots) need those same
positions, so this module replays that algorithm on brandlint's blocks.

Emulated from Vale v3.7.1 (errata-ai/vale, commit 871dafd1e24500cee9d8ad82b25d42a136bb2103):

- `internal/core/location.go`: `initialPosition` (blank the context before the block, then
  the first match of the text between `(?:^|\\b|_)` boundaries not next to a backtick or a
  hyphen, else a plain search, else `guessLocation`: the start of the first line holding
  every word of the last sentence that contains the match) and `guessLocation`;
- `internal/core/file.go`: `AddAlert` (each rule's context per block, blanked with `#`
  after each of its alerts; duplicate (line, column, rule) dropped), `assignLoc` (single-
  line blocks: the block's line, or a line whose text at the alert's offsets is the match)
  and `FindLoc` (blocks of several lines: the whole file; earlier words blanked
  when the match occurs more than once in a file under 1,000 characters);
- `internal/lint/walk.go`: the walker's context (each block's text pieces blanked with `@`
  once it is linted) and its line (`advance`: where the block's text is first found);
- `internal/lint/md.go`: the Markdown source as Vale searches it (fence info strings, link
  references and definitions, and ordered-list numbers masked).

The emulation works on brandlint's copy of each block, which reads as Vale's converted text
(inline code as `*`, soft line breaks as new lines); its text pieces are the runs of copy
that come from one stretch of source, as the HTML text tokens Vale's walker sees. Offsets
are counted in code points where Go counts bytes, which differs only on non-ASCII text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from brandlint.core.alerts import Alert
from brandlint.core.document import Block, Document, Segment
from brandlint.core.rule import Finding, Rule

# formats Vale reads as markup (HTML it walks block by block); plain text is one block
MARKUP = frozenset({"markdown", "mdx", "html", "rst", "org"})
PLAIN = frozenset({"text"})
# blocks Vale lints on their own line (`lintBlock`); running prose goes through `lintProse`
_SINGLE_BLOCKS = ("heading", "list", "blockquote", "table", "alt")
_SMALL_CONTEXT = 1000  # AddAlert looks for repeated matches only in contexts this short

_MD_INFO = re.compile(r"`{3,}.+")
_MD_LINK_REF = re.compile(r"\]\[(?:[^]\n]+)\]")
_MD_LINK_DEF = re.compile(r"\[(?:[^]\n]+)\]:")
_MD_NUMBERED = re.compile(r"(?m)^\d+\.")
_NEWLINE = re.compile("\n")
_NOT_NEWLINE = re.compile("[^\n]")
_ASCII = re.compile("[\x00-\x09\x0b-\x7f]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_OPENERS = "([{\"'“‘"
_CLOSERS = ".,;:!?)]}\"'”’"


@dataclass(frozen=True)
class Placed:
    """An alert to place, with what Vale knows of it: the block it came from (None for a
    rule reading the source), its match's offsets in that block's text (in the source when
    no block), the match as Vale's text has it, and whether Vale gives it no match."""

    alert: Alert
    block: Block | None
    start: int
    end: int
    match: str
    whole_document: bool = False
    by_sentence: bool = False  # a `scope: sentence` rule: Vale lints each sentence alone


@dataclass(frozen=True)
class _ValeBlock:
    """A block as Vale's location search sees it."""

    text: str
    context: str
    line: int  # 0-based, as the walker counts
    lookup: bool  # located through the whole file (FindLoc) rather than its line
    read: int = 0  # the context is blanked (ASCII as `@`) before this offset


def place_findings(
    document: Document,
    found: Sequence[tuple[Rule, Finding]],
    to_alert: Callable[[Document, Rule, Finding], Alert],
) -> list[Alert]:
    """The rules' findings as alerts at Vale's positions (`to_alert` makes the exact one)."""
    items: list[Placed] = []
    for rule, finding in found:
        alert = to_alert(document, rule, finding)
        # Vale's metric and readability rules give no match text: it places them at 1:1
        whole = alert.kind == "metric" or (
            alert.kind == "readability" and bool(getattr(rule.opts, "metrics", ()))
        )
        block = None if finding.in_source else document.block_at(finding.start)
        by_sentence = "sentence" in getattr(rule, "scope", ())
        if block is None:
            start, end = alert.span.offset, alert.span.end_offset
            items.append(Placed(alert, None, start, end, document.source[start:end], whole))
        else:
            start, end = finding.start - block.start, finding.end - block.start
            match = document.text[finding.start : finding.end]
            items.append(Placed(alert, block, start, end, match, whole, by_sentence))
    return place(document, items)


def place(document: Document, items: Sequence[Placed]) -> list[Alert]:
    """The alerts at Vale's positions, Vale's duplicates dropped.

    An alert whose Vale position is not its real span keeps its message and replacements
    but is no longer fixable: a fix there would edit other words."""
    if document.format not in MARKUP | PLAIN:
        return [item.alert for item in items]
    # Vale reads `\r\n` and `\r` as `\n` (`core.Sanitize`); a stand-in keeps the offsets
    content = document.source.replace("\r\n", " \n").replace("\r", "\n")
    by_block: dict[int, list[Placed]] = {}
    raw: list[Placed] = []
    out: list[Alert] = []
    for item in items:
        if item.whole_document:
            out.append(_at(document, item.alert, 1, 1, "", ""))
        elif item.block is None:
            raw.append(item)
        else:
            by_block.setdefault(item.block.start, []).append(item)
    history: set[tuple[int, int, str]] = set()
    # blanking keeps every line break where it is: one table of line starts serves the file
    # and each of its blanked copies
    file_lines = [0, *(m.end() for m in _NEWLINE.finditer(content))]
    if document.format in MARKUP:
        searched = content
        if document.format in ("markdown", "mdx"):
            searched = _markdown_context(content)
        for block, vale_block in _walk(document, searched, by_block):
            chosen = by_block.pop(block.start)
            out.extend(_add_alerts(document, vale_block, chosen, file_lines, history))
        # a block with no copy from the source (nothing Vale's walker would read): as is
        out.extend(item.alert for items in by_block.values() for item in items)
    else:  # Vale lints plain text as one block: the whole file
        whole = _ValeBlock(content, content, -1, True)
        chosen = [
            replace(i, start=i.alert.span.offset, end=i.alert.span.offset + i.end - i.start)
            for b in by_block.values()
            for i in b
        ]
        out.extend(_add_alerts(document, whole, chosen, file_lines, history))
    raw_block = _ValeBlock(content, content, -1, True)  # `scope: raw` reads the file's lines
    out.extend(_add_alerts(document, raw_block, raw, file_lines, history))
    return out


def _add_alerts(
    document: Document,
    block: _ValeBlock,
    items: Iterable[Placed],
    file_lines: list[int],
    history: set[tuple[int, int, str]],
) -> list[Alert]:
    """`File.AddAlert` for each alert of one block, each rule in the order it matched."""
    # a rule's context in this block, or in this sentence of it (`ChkToCtx`)
    contexts: dict[tuple[str, int], str] = {}
    placed: list[Alert] = []
    ordered = sorted(items, key=lambda i: (i.alert.rule, i.start, i.end))
    for whole in ordered:
        item, unit, unit_start = whole, block, -1
        if whole.by_sentence:  # Vale's block is the sentence: its text, its offsets
            unit_start, unit_end = _sentence_at(block.text, whole.start)
            unit = replace(block, text=block.text[unit_start:unit_end])
            item = replace(whole, start=whole.start - unit_start, end=whole.end - unit_start)
        rule, match = item.alert.rule, item.match
        ctx = contexts.get((rule, unit_start), block.context)
        offsets: list[str] = []
        if len(ctx) < _SMALL_CONTEXT and ctx.count(match) > 1:
            offsets = ctx[: item.start].split()
        line, column, found = -1, -1, ""
        if not unit.lookup:
            line, column, found = _assign_loc(ctx, unit, item, file_lines)
        if unit.lookup or column < 0:
            line, column, found = _find_loc(ctx, unit, offsets, match, file_lines)
        if column <= 0:
            continue  # Vale found no place for it, and drops it
        contexts[(rule, unit_start)] = _substitute(ctx, match, "#", _floor(match, block.read))
        key = (line, column, rule)
        if key in history:
            continue
        history.add(key)
        placed.append(_at(document, item.alert, line, column, found, match))
    return placed


def _assign_loc(
    ctx: str, block: _ValeBlock, item: Placed, starts: list[int]
) -> tuple[int, int, str]:
    """`File.assignLoc`: the first line whose text at the alert's offsets is the match, or
    the block's line (line starts: `starts`)."""
    limit = starts[block.line] if 0 <= block.line < len(starts) else len(ctx)
    index = ctx.find(item.match, _floor(item.match, block.read)) if item.match else -1
    while 0 <= index < limit:
        number = bisect.bisect_right(starts, index) - 1
        line_end = starts[number + 1] if number + 1 < len(starts) else len(ctx)
        if index - starts[number] == item.start and line_end - starts[number] > item.end:
            break
        index = ctx.find(item.match, index + 1)
    else:
        if not 0 <= block.line < len(starts):
            return block.line + 1, item.start, item.match
        number = block.line
    line_end = starts[number + 1] if number + 1 < len(starts) else len(ctx)
    position, found = _initial_position(ctx[starts[number] : line_end], block.text, item.match)
    return number + 1, position, found


def _find_loc(
    ctx: str, block: _ValeBlock, offsets: list[str], match: str, starts: list[int]
) -> tuple[int, int, str]:
    """`File.FindLoc`: the match searched in the whole context, mapped to a line."""
    for word in offsets:
        ctx = _substitute(ctx, word, "@")
    position, found = _initial_position(ctx, block.text, match, block.read)
    if position < 0:
        return -1, -1, found
    # the first line whose end reaches the 1-based position
    number = bisect.bisect_left(starts, position, lo=1) - 1
    if number + 1 >= len(starts) and position > len(ctx):
        return len(starts), position, found
    return number + 1, position - starts[number], found


def _initial_position(ctx: str, text: str, match: str, read: int = 0) -> tuple[int, str]:
    """`initialPosition`: 1-based position of `match` in `ctx`, and the text found there
    (`ctx` is blanked before `read`, where no search needs to look)."""
    if not match:
        return 1, ""
    before = ctx.find(text, _floor(text, read)) if text else 0
    if before > 0:
        ctx = _blank(ctx, 0, before, "@")
        read = max(read, before)
    lowest = _floor(match, read)
    size = len(ctx)
    index = -1
    for found in _bounded(match).finditer(ctx, lowest):
        start, end = found.span()
        if index < 0:
            index = start
        # skip matches that look like inline code or compounds
        if (start - 1 > 0 and ctx[start - 1] in "`-") or (end + 1 < size and ctx[end + 1] in "`-"):
            continue
        index = start
        break
    if index < 0:
        index = ctx.find(match, lowest)
        if index < 0:
            return _guess_location(ctx, text, match)
    if ctx.startswith("_", index):
        index += 1
    return index + 1, match


def _guess_location(ctx: str, text: str, match: str) -> tuple[int, str]:
    """`guessLocation`: the first line of `ctx` holding every word of the last sentence of
    `text` that contains `match` (past its start), at that line's start."""
    target = ""
    for sentence in _sentences(text):
        if sentence == match or sentence.find(match) > 0:
            target = sentence
    if not target:
        return -1, text
    words = _words(target)
    for line in ctx.split("\n"):
        if all(word in line for word in words):
            return ctx.find(line) + 1, line
    return -1, text


def _at(document: Document, alert: Alert, line: int, column: int, found: str, match: str) -> Alert:
    """`alert` moved to Vale's line and column, spanning the text Vale found there (the
    match, or the whole line it guessed), with Vale's match text (its copy's words)."""
    lines = document.lines
    line = min(max(line, 1), len(lines.starts))
    start = min(lines.offset(line, max(column, 1)), len(document.source))
    end = min(start + len(found), len(document.source))
    span = lines.span(start, end)
    if span == alert.span:
        return alert
    return replace(alert, span=span, match=match, fixable=False)


@cache
def _bounded(match: str) -> re.Pattern[str]:
    """Go's `(?:^|\\b|_)` + QuoteMeta(match) + `(?:_|\\b|$)`: ASCII word boundaries."""
    return re.compile(r"(?:^|\b|_)" + re.escape(match) + r"(?:_|\b|$)", re.ASCII)


def _substitute(text: str, sub: str, char: str, lowest: int = 0) -> str:
    """`core.Substitute`: the first occurrence of `sub` (at `lowest` or after) blanked with
    `char`, its line breaks kept."""
    index = text.find(sub, lowest) if sub else -1
    if index < 0:
        return text
    return _blank(text, index, index + len(sub), char)


def _blank(text: str, start: int, end: int, char: str) -> str:
    return text[:start] + _NOT_NEWLINE.sub(char, text[start:end]) + text[end:]


def _blank_read(text: str, start: int, end: int) -> str:
    """What the walker's `subInplace` does to text it has read: its ASCII characters become
    `@` (Go maps single-byte runes only), line breaks and other characters stay."""
    if end <= start:
        return text
    return text[:start] + _ASCII.sub("@", text[start:end]) + text[end:]


def _floor(sub: str, read: int) -> int:
    """Where a search for `sub` may start in a context blanked before `read`: text holding
    an ASCII character other than `@` or a line break cannot lie wholly in blanked text."""
    if read and any(c < "\x80" and c not in "@\n" for c in sub):
        return max(0, read - len(sub))
    return 0


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence of `text` holding `offset`, white space trimmed."""
    start = 0
    for end_of_sentence in _SENTENCE_END.finditer(text):
        if end_of_sentence.start() > offset:
            return start, end_of_sentence.start()
        start = end_of_sentence.end()
    return start, len(text.rstrip())


def _words(sentence: str) -> list[str]:
    """Words as prose's tokenizer splits them: white space, then leading and trailing
    punctuation as tokens of their own."""
    out: list[str] = []
    for field in sentence.split():
        head: list[str] = []
        while field and field[0] in _OPENERS:
            head.append(field[0])
            field = field[1:]
        tail: list[str] = []
        while field and field[-1] in _CLOSERS:
            tail.insert(0, field[-1])
            field = field[:-1]
        out.extend(head)
        if field:
            out.append(field)
        out.extend(tail)
    return out


def _markdown_context(content: str) -> str:
    """The Markdown source as Vale searches it (`lintMarkdown`): fence info strings, link
    references and definitions, and ordered-list numbers masked with `*`."""

    def info(m: re.Match[str]) -> str:
        parts = m.group().split("`")
        return "`" * (len(parts) - 1) + "*" * len(parts[-1])

    body = _MD_INFO.sub(info, content)
    body = _MD_LINK_REF.sub(lambda m: "][" + "*" * (len(m.group()) - 3) + "]", body)
    body = _MD_LINK_DEF.sub(lambda m: "[" + "*" * (len(m.group()) - 3) + "]:", body)
    return _MD_NUMBERED.sub(lambda m: "*" * len(m.group()), body)


def _walk(
    document: Document, content: str, wanted: Mapping[int, object]
) -> Iterator[tuple[Block, _ValeBlock]]:
    """Each block that has alerts (`wanted`, by copy start) as Vale's walker hands it to
    the rules: its text, the file's context with what the walker has read blanked, its
    line, and how it is located.

    The walker blanks every text token once its block is linted, code and skipped blocks
    included, and a link's address when it reads the tag; here that is the source before
    the block, and the source inside it that is not its copy (addresses, markup)."""
    ctx = content
    newlines = [m.start() for m in _NEWLINE.finditer(content)]
    starts = [segment.text_start for segment in document.position_map.segments]
    read = 0  # the context is blanked up to here
    done = 0  # the walker has read the source up to here
    for block in document.blocks:
        segments = _segments(document, block, starts)
        if not segments:
            continue
        source_start = min(s.source_start for s in segments)
        source_end = max(s.source_end for s in segments)
        if block.start in wanted:
            upto = max(done, source_start)
            ctx = _blank_read(ctx, read, upto)  # what was read, and the gap before the block
            read = max(read, upto)
            covered = source_start
            for segment in sorted(segments, key=lambda s: s.source_start):
                ctx = _blank_read(ctx, covered, segment.source_start)
                covered = max(covered, segment.source_end)
            text, pieces = _vale_text(document, block, segments)
            line = bisect.bisect_left(newlines, done)  # where the walker stopped
            for piece in pieces:  # `walker.append`: each text token moves the line on
                found = _advance(ctx, piece, line, newlines, read)
                if found > -1:
                    line = found
            found = _advance(ctx, text, line, newlines, read)
            block_line = found if found > -1 else line
            prose = not any(block.in_scope(s) for s in _SINGLE_BLOCKS)
            lookup = prose and "\n" in text
            yield block, _ValeBlock(text, ctx, block_line, lookup, read)
        done = max(done, source_end)


def _advance(ctx: str, text: str, line: int, newlines: list[int], read: int) -> int:
    """`walker.advance`: the line where `text`'s last line (or its last word) is first
    found, when past `line`; -1 otherwise (`newlines`: where the context's lines end)."""
    position = 0
    for part in text.split("\n"):
        position = ctx.find(part, _floor(part, read))
        if position < 0:
            for word in part.split():
                position = ctx.find(word, _floor(word, read))
    if position >= 0:
        found = bisect.bisect_left(newlines, position)
        if found > line:
            return found
    return -1


def _vale_text(document: Document, block: Block, segments: list[Segment]) -> tuple[str, list[str]]:
    """The block's copy as Vale's text has it (soft line breaks as new lines, the same
    length as the copy) and its text pieces: runs of copy from one stretch of source,
    trimmed, as the HTML text tokens Vale's walker reads."""
    chars = list(document.text[block.start : block.end])
    pieces: list[str] = []
    run: list[str] = []
    previous_end = -1
    for segment in segments:
        start = max(segment.text_start, block.start)
        end = min(segment.text_end, block.end)
        copy = document.text[start:end]
        source = document.source[segment.source_start : segment.source_end]
        if not segment.verbatim and not copy.strip() and "\n" in source:
            copy = "\n" * len(copy)
            chars[start - block.start : end - block.start] = copy
        if segment.source_start != previous_end and run:
            pieces.append("".join(run).strip())
            run = []
        run.append(copy)
        previous_end = segment.source_end
    if run:
        pieces.append("".join(run).strip())
    return "".join(chars), [p for p in pieces if p]


def _segments(document: Document, block: Block, starts: list[int]) -> list[Segment]:
    """The position map's segments inside `block`, clipped to it."""
    segments = document.position_map.segments
    first = max(bisect.bisect_right(starts, block.start) - 1, 0)
    out: list[Segment] = []
    for segment in segments[first:]:
        if segment.text_start >= block.end:
            break
        if segment.text_end > block.start:
            out.append(segment)
    return out

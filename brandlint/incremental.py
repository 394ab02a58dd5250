"""Incremental linting for editors: an edit costs the blocks it changed, not the document.

A typist changes one paragraph of a long page at a time. Between two versions of the page,
most blocks (a heading, a paragraph, an alt text) read exactly as before, so their inline
Markdown, their tokens, their phrase hits and the findings of rules that look at one block
at a time are the same, only moved. A `BlockCache` keeps these per block, keyed by the
block's copy (and, for findings, by the rule, the channel and the language: a guide that
loads again brings new rule objects, so nothing of the old guide is reused), and shifts
them to where the block stands now; a block that did not move costs a look-up. The page's
Markdown is still split into blocks whole (markdown-it's block pass, which is fast and
knows where a fence or a list ends); only the inline pass is kept per block
(`brandlint.document.inline_cache`). Everything that reads the whole document still runs on
the whole document every time: rules that count across blocks (a document's length, its
readability, the required wording, term consistency, the emoji allowance of a post), the
overlap and `limit` rules between findings, suppressions and the mapping to source
positions. So the alerts are those of a full lint, which `tests/lsp/test_incremental.py`
checks after random edits; what an edit still costs in proportion to the page is that
whole-document work and moving what was kept (see benchmarks/README.md).

The engine's `Linter.lint` takes the cache as its `memo` (see `BlockMemo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, overload

from brandlint.core.alerts import Alert
from brandlint.core.rule import BlockView, Finding, GuideWording, Hit, LintContext, Rule
from brandlint.document.inline_cache import EDITING, InlineCache

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from brandlint.core.document import Document
    from brandlint.matching import PhraseIndex
    from brandlint.nlp.pipelines import LangPipeline
    from brandlint.workspace import Workspace


_MISSING: Any = object()
_Value = TypeVar("_Value", Finding, Hit)


class _Kept:
    """What is kept of one block's copy (with its scopes and inline spans, in a document
    of one channel and language): each per-block rule's findings relative to the block
    (None where the block is out of the rule's scope), and the same placed where the block
    stood last, so that a block that did not move costs a look-up."""

    __slots__ = ("findings", "placed", "used")

    def __init__(self) -> None:
        self.findings: dict[Rule, list[Finding] | None] = {}
        self.placed: dict[Rule, tuple[int, list[Finding]]] = {}
        self.used = 0


class _Hits:
    """The phrase hits in one block's copy, relative to the block, and placed where the
    block stood last (its copy offset and index)."""

    __slots__ = ("placed", "relative", "used", "where")

    def __init__(self, relative: dict[int, list[Hit]]) -> None:
        self.relative = relative
        self.where = (-1, -1)
        self.placed: dict[int, list[Hit]] = {}
        self.used = 0


class BlockCache:
    """What an editor keeps of one open document between its versions.

    Entries that the last lint did not use are dropped after it, so the cache holds about
    one version of the document. Not thread-safe: one lint at a time, as the server's
    worker runs them.
    """

    def __init__(self) -> None:
        # pipelines and phrase indexes are keyed by identity (they are mutable); the
        # cache holds them, so an identity is not reused while its entries are kept
        self._owners: dict[int, LangPipeline | PhraseIndex] = {}
        self._docs: dict[tuple[int, str], Doc] = {}
        self._used_docs: set[tuple[int, str]] = set()
        self._hits: dict[tuple[int, str], _Hits] = {}
        # per channel, language and block: see `_Kept`
        self._kept: dict[tuple[str | None, str | None, str, frozenset[str], Any], _Kept] = {}
        self._views: Sequence[BlockView] = ()  # those of the lint under way, and their
        self._blocks: list[_Kept] = []  # kept findings, index for index
        self._lint = 0  # the number of the lint under way: entries it used carry it
        self.inline = InlineCache()  # the Markdown inline tokens of the blocks
        self.reused = 0  # blocks whose findings were kept in the last lint, for benchmarks
        self.checked = 0  # blocks checked afresh in the last lint

    def lint_text(self, workspace: Workspace, text: str, path: str, format: str) -> list[Alert]:
        """`workspace.lint_text(text, path, format)`, reusing what is kept of the blocks
        that did not change since the last call."""
        self._lint += 1
        self._views, self._blocks = (), []
        self.reused = self.checked = 0
        self.inline.start()
        editing = EDITING.set(self.inline)
        try:
            return workspace.lint_text(text, path, format, memo=self)
        finally:
            EDITING.reset(editing)
            self.inline.sweep()
            self._sweep()

    # -- the engine's side (`brandlint.linter.BlockMemo`) -------------------------------------
    def views(
        self, pipeline: LangPipeline, index: PhraseIndex, document: Document, texts: list[str]
    ) -> tuple[list[BlockView], dict[int, list[Hit]]]:
        """The blocks tokenized and their phrase hits: only new copy is tokenized and
        searched; kept hits move to where their block stands now."""
        lint = self._lint
        tokens, phrases = id(pipeline), id(index)
        self._owners[tokens], self._owners[phrases] = pipeline, index
        docs = self._docs
        new = sorted({t for t in texts if (tokens, t) not in docs})
        for text, doc in zip(new, pipeline.process(new), strict=True):
            docs[tokens, text] = doc
        views = [
            BlockView(block, docs[tokens, text], i, text)
            for i, (block, text) in enumerate(zip(document.blocks, texts, strict=True))
        ]
        kept_hits = self._hits
        unsearched = [v for v in views if (phrases, v.text) not in kept_hits]
        searched = list({v.text: v for v in reversed(unsearched)}.values())  # each text once
        fresh: dict[str, dict[int, list[Hit]]] = {view.text: {} for view in searched}
        # the index gives each rule's hits in document order, so each block's are in order
        for key, found in index.search(searched).items():
            for hit in found:
                view = views[hit.view]
                fresh[view.text].setdefault(key, []).append(_moved(hit, -view.block.start, 0))
        for text, relative in fresh.items():
            kept_hits[phrases, text] = _Hits(relative)
        hits: dict[int, list[Hit]] = {}
        blocks = []
        channel, lang = document.channel, document.lang
        for view in views:
            block = view.block
            entry = kept_hits[phrases, view.text]
            entry.used = lint
            where = (block.start, view.index)
            if entry.where != where:
                entry.where = where
                entry.placed = {
                    key: [_moved(h, block.start, view.index) for h in found]
                    for key, found in entry.relative.items()
                }
            for key, found in entry.placed.items():
                hits.setdefault(key, []).extend(found)
            self._used_docs.add((tokens, view.text))
            inline = block.inline
            if inline:  # copy offsets: as the block reads them, wherever it stands
                inline = tuple((scope, s - block.start, e - block.start) for scope, s, e in inline)
            block_key = (channel, lang, view.text, block.scopes, inline)
            kept = self._kept.get(block_key)
            if kept is None:
                kept = self._kept[block_key] = _Kept()
            kept.used = lint
            blocks.append(kept)
        self._views, self._blocks = views, blocks
        return views, hits

    def check(self, rule: Rule, ctx: LintContext) -> Iterable[Finding]:
        """The rule's findings: per block from the cache where it reads one block at a
        time, else from the whole document."""
        # a rule that reads the file as written sees more than the block's copy
        if rule.reads_source or not rule.per_block:
            return rule.check(ctx)
        if ctx.views is not self._views:  # not the views this cache made: nothing kept
            return rule.check(ctx)
        found: list[Finding] = []
        for view, kept in zip(ctx.views, self._blocks, strict=True):
            start = view.block.start
            placed = kept.placed.get(rule)
            if placed is not None and placed[0] == start:
                if kept.findings[rule] is not None:
                    self.reused += 1
                found.extend(placed[1])
                continue
            relative = kept.findings.get(rule, _MISSING)
            if relative is _MISSING:
                relative = None
                if rule.in_scope(view.block):
                    relative = [_shifted(f, -start) for f in rule.check(_OneBlock(ctx, view, rule))]
                    self.checked += 1
                kept.findings[rule] = relative
            elif relative is not None:
                self.reused += 1
            absolute = [_shifted(f, start) for f in relative] if relative else []
            kept.placed[rule] = (start, absolute)
            found.extend(absolute)
        return found

    def _sweep(self) -> None:
        lint = self._lint
        self._views, self._blocks = (), []
        self._hits = {k: v for k, v in self._hits.items() if v.used == lint}
        self._kept = {k: v for k, v in self._kept.items() if v.used == lint}
        used_docs, self._used_docs = self._used_docs, set()
        self._docs = {k: v for k, v in self._docs.items() if k in used_docs}
        used_owners = {k[0] for k in used_docs} | {k[0] for k in self._hits}
        self._owners = {k: v for k, v in self._owners.items() if k in used_owners}


class _OneBlock(LintContext):
    """A document's context narrowed to one block: what a per-block rule sees of it. The
    guide's required wording is the whole document's, found once per lint."""

    def __init__(self, ctx: LintContext, view: BlockView, rule: Rule) -> None:
        hits = [h for h in ctx.hits(rule) if h.view == view.index]
        super().__init__(
            ctx.document,
            _Only(view),
            {id(rule): hits} if hits else {},
            ctx.has_lemmas,
            ctx.trained,
            ctx.names,
            ctx.required,
        )
        self._whole = ctx

    @property
    def wording(self) -> GuideWording:
        return self._whole.wording


class _Only(Sequence[BlockView]):
    """The views of a document with one block: it is found at its own index (a rule
    looks up its hits' `view`), and is the only one seen when walking them."""

    def __init__(self, view: BlockView) -> None:
        self.view = view

    @overload
    def __getitem__(self, index: int) -> BlockView: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[BlockView]: ...
    def __getitem__(self, index: int | slice) -> BlockView | Sequence[BlockView]:
        if index != self.view.index:
            raise IndexError(f"block {index} is not the one checked")
        return self.view

    def __iter__(self) -> Iterator[BlockView]:
        yield self.view

    def __len__(self) -> int:
        return 1


def _shifted(finding: Finding, by: int) -> Finding:
    return _copy(finding, start=finding.start + by, end=finding.end + by)


def _moved(hit: Hit, by: int, view: int) -> Hit:
    form = hit.form
    if form is not None:
        form = replace(form, stem_start=form.stem_start + by, stem_end=form.stem_end + by)
    return _copy(hit, view=view, start=hit.start + by, end=hit.end + by, form=form)


def _copy(value: _Value, **changes: Any) -> _Value:
    """`dataclasses.replace` for findings and hits, which an edit moves by the hundred:
    their fields copied as they are (`replace` runs `__init__` again, checking each field,
    five times slower; these were checked when made). A finding has slots, a hit a dict."""
    copied = object.__new__(type(value))
    slots = getattr(type(value), "__slots__", None)
    if slots is not None:
        for name in slots:
            object.__setattr__(
                copied, name, changes[name] if name in changes else getattr(value, name)
            )
        return copied
    fields = copied.__dict__
    fields.update(value.__dict__)
    fields.update(changes)
    return copied


__all__ = ["BlockCache"]

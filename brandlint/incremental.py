"""Incremental linting for editors: an edit costs the blocks it changed, not the document.

A typist changes one paragraph of a long page at a time. Between two versions of the page,
most blocks (a heading, a paragraph, an alt text) read exactly as before, so their tokens,
their phrase hits and the findings of rules that look at one block at a time are the same,
only moved. A `BlockCache` keeps these per block, keyed by the block's copy (and, for
findings, by the rule, the channel and the language: a guide that loads again brings new
rule objects, so nothing of the old guide is reused), and shifts them to where the block
stands now. Everything that reads the whole document still runs on the whole document
every time: rules that count across blocks (a document's length, its readability, the
required wording, term consistency, the emoji allowance of a post), the overlap and
`limit` rules between findings, suppressions and the mapping to source positions. So the
alerts are those of a full lint, which `tests/lsp/test_incremental.py` checks after
random edits.

The engine's `Linter.lint` takes the cache as its `memo` (see `BlockMemo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, overload

from brandlint.core.alerts import Alert
from brandlint.core.rule import BlockView, Finding, GuideWording, Hit, LintContext, Rule

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from brandlint.core.document import Block, Document
    from brandlint.matching import PhraseIndex
    from brandlint.nlp.pipelines import LangPipeline
    from brandlint.workspace import Workspace


# a block as the rules that read one block see it: its copy, scopes and inline spans
# (block-relative); its place in the document is not part of it
_BlockKey = tuple[str, frozenset[str], tuple[tuple[str, int, int], ...]]


def _key(block: Block, text: str) -> _BlockKey:
    return text, block.scopes, block.inline


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
        # per index and block copy: hits per rule key, offsets relative to the block
        self._hits: dict[tuple[int, str], dict[int, list[Hit]]] = {}
        # per rule, channel, language and block: findings relative to the block
        self._findings: dict[tuple[Rule, str | None, str | None, _BlockKey], list[Finding]] = {}
        self._used: set[Any] = set()
        self.reused = 0  # blocks whose findings were kept in the last lint, for benchmarks
        self.checked = 0  # blocks checked afresh in the last lint

    def lint_text(self, workspace: Workspace, text: str, path: str, format: str) -> list[Alert]:
        """`workspace.lint_text(text, path, format)`, reusing what is kept of the blocks
        that did not change since the last call."""
        self._used.clear()
        self.reused = self.checked = 0
        try:
            return workspace.lint_text(text, path, format, memo=self)
        finally:
            self._sweep()

    # -- the engine's side (`brandlint.linter.BlockMemo`) -------------------------------------
    def views(
        self, pipeline: LangPipeline, index: PhraseIndex, document: Document, texts: list[str]
    ) -> tuple[list[BlockView], dict[int, list[Hit]]]:
        """The blocks tokenized and their phrase hits: only new copy is tokenized and
        searched; kept hits move to where their block stands now."""
        tokens, phrases = id(pipeline), id(index)
        self._owners[tokens], self._owners[phrases] = pipeline, index
        self._used.update((tokens, phrases))
        new = sorted({t for t in texts if (tokens, t) not in self._docs})
        for text, doc in zip(new, pipeline.process(new), strict=True):
            self._docs[tokens, text] = doc
        views = [
            BlockView(block, self._docs[tokens, text], i, text)
            for i, (block, text) in enumerate(zip(document.blocks, texts, strict=True))
        ]
        self._used.update((tokens, t) for t in texts)
        unsearched = [v for v in views if (phrases, v.text) not in self._hits]
        first_of = {v.text: v for v in reversed(unsearched)}  # a text searched once
        searched = list(first_of.values())
        for view in searched:
            self._hits[phrases, view.text] = {}
        for key, found in index.search(searched).items():
            for hit in found:
                view = views[hit.view]
                self._hits[phrases, view.text].setdefault(key, []).append(
                    _moved(hit, -view.block.start, 0)
                )
        hits: dict[int, list[Hit]] = {}
        for view in views:
            self._used.add((phrases, view.text))
            for key, found in self._hits[phrases, view.text].items():
                shift = view.block.start
                hits.setdefault(key, []).extend(_moved(h, shift, view.index) for h in found)
        for found in hits.values():
            found.sort(key=lambda h: (h.start, -h.end))
        return views, hits

    def check(self, rule: Rule, ctx: LintContext) -> Iterable[Finding]:
        """The rule's findings: per block from the cache where it reads one block at a
        time, else from the whole document."""
        document = ctx.document
        # a rule that reads the file as written sees more than the block's copy
        if rule.reads_source or not rule.per_block:
            return rule.check(ctx)
        found: list[Finding] = []
        for view in ctx.in_scope(rule):
            key = (rule, document.channel, document.lang, _key(view.block, view.text))
            kept = self._findings.get(key)
            if kept is None:
                kept = self._findings[key] = [
                    _shifted(f, -view.block.start) for f in rule.check(_OneBlock(ctx, view, rule))
                ]
                self.checked += 1
            else:
                self.reused += 1
            self._used.add(key)
            found.extend(_shifted(f, view.block.start) for f in kept)
        return found

    def _sweep(self) -> None:
        used = self._used
        self._owners = {k: v for k, v in self._owners.items() if k in used}
        self._docs = {k: v for k, v in self._docs.items() if k in used}
        self._hits = {k: v for k, v in self._hits.items() if k in used}
        self._findings = {k: v for k, v in self._findings.items() if k in used}


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
    return replace(finding, start=finding.start + by, end=finding.end + by)


def _moved(hit: Hit, by: int, view: int) -> Hit:
    form = hit.form
    if form is not None:
        form = replace(form, stem_start=form.stem_start + by, stem_end=form.stem_end + by)
    return replace(hit, view=view, start=hit.start + by, end=hit.end + by, form=form)


__all__ = ["BlockCache"]

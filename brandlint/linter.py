"""The engine: a guide compiled once, applied to any number of documents.

Per language, every rule registers its phrases in one shared index (built on first use);
per document, the copy is tokenized once, the index runs once, and each rule turns its
hits, or its own look at the copy, into findings. Findings become alerts at exact source
positions, minus what inline comments suppress.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Protocol

from brandlint import vale_location
from brandlint.core.alerts import Alert, Level
from brandlint.core.document import Document
from brandlint.core.errors import GuideError, Problem
from brandlint.core.patterns import SEARCH_BUDGET
from brandlint.core.rule import BlockView, Finding, Hit, LintContext, PartViews, Rule
from brandlint.core.spec import RuleSpec
from brandlint.document.suppressions import is_suppressed
from brandlint.guide.model import Guide
from brandlint.matching import PhraseIndex
from brandlint.nlp.pipelines import LangPipeline, Pipelines, normalize_lang

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from brandlint.stats import VoiceMetrics

log = logging.getLogger("brandlint")

INTERNAL_ERROR = "brandlint.internal-error"
LANGUAGE_NOTICE = "brandlint.language"
TIMEOUT = "brandlint.timeout"


class _CollectorPause:
    """Holds the cyclic garbage collector off while documents are linted.

    A lint builds hundreds of thousands of objects that live until it ends (a spaCy doc
    per block, phrase hits, findings, alerts) and makes almost no garbage cycles, yet each
    full pass of the collector walks all of them again: on a 1 MB page with 55,000 alerts
    that was a quarter of the lint. Objects freed by reference counting go as before; the
    few cycles wait for the first pass after the lint. The collector's switch belongs to
    the process, so one pause per process, counted, lets linting threads overlap.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._resume = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._resume:
                gc.enable()


_COLLECTOR_PAUSE = _CollectorPause()


def collector_paused() -> AbstractContextManager[None]:
    """The garbage collector held off (see `_CollectorPause`): every lint runs so, and
    reading a large file into a Document, which builds as many lasting objects, may too."""
    return _COLLECTOR_PAUSE


class BlockMemo(Protocol):
    """What an editor keeps of one document between its versions, so that an edit costs
    the blocks it changed (`brandlint.incremental.BlockCache`): the blocks' tokens and
    phrase hits, and the findings of rules that read one block at a time."""

    def views(
        self, pipeline: LangPipeline, index: PhraseIndex, document: Document, texts: list[str]
    ) -> tuple[list[BlockView], dict[int, list[Hit]]]: ...

    def check(self, rule: Rule, ctx: LintContext) -> Iterable[Finding]: ...


class Linter:
    """A guide ready to lint with. Thread-safe; reuse one per guide."""

    def __init__(
        self,
        guide: Guide,
        pipelines: Pipelines | None = None,
        accepts: Callable[[RuleSpec], bool] | None = None,
        vale_compat: bool = False,
    ) -> None:
        self.guide = guide
        self.vale_compat = vale_compat  # alerts placed as Vale places them (--vale-compat)
        self.pipelines = pipelines or Pipelines()
        rules = list(guide.compiled) or compile_rules(guide)
        # `--filter`: only the rules it accepts run
        self.rules: list[Rule] = [r for r in rules if accepts is None or accepts(r.spec)]
        self.names = frozenset(name for rule in self.rules for name in rule.exact_names())
        self.wording = frozenset(w for rule in self.rules for w in rule.required_wording())
        self._order = {id(rule): n for n, rule in enumerate(self.rules)}
        self._always = [rule for rule in self.rules if not rule.needs_hits()]
        self._reading_source = frozenset(rule.id for rule in self.rules if rule.reads_source)
        self._by_id = {id(rule): rule for rule in self.rules}
        self._woken_by_hits = {key: rule for key, rule in self._by_id.items() if rule.needs_hits()}
        self._indexes: dict[str, PhraseIndex] = {}
        self._lock = threading.Lock()
        self._accepts = accepts
        self._locales: dict[str, Linter] = {}  # `locales:` tag → the linter of its rules
        self._said: dict[int, _RuleSays] = {}  # id(rule) → what each of its alerts repeats

    def _for(self, document: Document) -> Linter:
        """The linter of the guide's locale closest to the document's language (`en-GB`
        copy under `locales: {en-GB: …}`), or this one when no locale applies."""
        local = self.guide.for_lang(document.lang or self.guide.lang)
        if local is self.guide:
            return self
        with self._lock:
            linter = self._locales.get(local.locale)
            if linter is None:
                linter = Linter(local, self.pipelines, self._accepts, self.vale_compat)
                self._locales[local.locale] = linter
            return linter

    def _index(self, pipeline: LangPipeline) -> PhraseIndex:
        with self._lock:
            index = self._indexes.get(pipeline.requested)
            if index is None:
                index = PhraseIndex(pipeline)
                for rule in self.rules:
                    if rule.spec.may_run_in(pipeline.requested):
                        rule.register(index)
                self._indexes[pipeline.requested] = index
            return index

    def _context(
        self, document: Document, memo: BlockMemo | None = None
    ) -> tuple[LintContext, LangPipeline | None]:
        document = self._settled(document)
        if not document.blocks:
            # no copy (a stylesheet, an empty page): nothing to tokenize, so no spaCy at all
            return LintContext(document, [], {}, False, False, self.names), None
        pipeline = self._pipeline(document)
        index = self._index(pipeline)
        texts = [document.block_text(b) for b in document.blocks]
        if memo is not None:
            views, hits = memo.views(pipeline, index, document, texts)
        else:
            docs = pipeline.process(texts, lemmas=index.reads_lemmas)
            views = [
                BlockView(block, doc, i, text)
                for i, (block, doc, text) in enumerate(
                    zip(document.blocks, docs, texts, strict=True)
                )
            ]
            hits = index.search(views)
        context = LintContext(
            document, views, hits, pipeline.has_lemmas, pipeline.trained, self.names, self.wording
        )
        return context, pipeline

    def _settled(self, document: Document) -> Document:
        """The document with its language as the pipelines name it (`en-US` → `en`)."""
        lang = normalize_lang(document.lang) or normalize_lang(self.guide.lang) or "en"
        return document if document.lang == lang else replace(document, lang=lang)

    def _pipeline(self, document: Document) -> LangPipeline:
        lang = document.lang or "en"
        return self.pipelines.get(lang, self.guide.pipelines.get(lang, ""))

    def lint(
        self,
        document: Document,
        memo: BlockMemo | None = None,
        prepared: tuple[LintContext, LangPipeline | None] | None = None,
    ) -> list[Alert]:
        """The document's alerts; with a `memo`, unchanged blocks come from it; with
        `prepared` (this linter's `_context` of the document), no second tokenizing."""
        if (local := self._for(document)) is not self:
            return local.lint(document, memo)
        # rule filters read the tag as given (`en-US`), the pipeline its language (`en`)
        tag = document.lang or self.guide.lang or ""
        with collector_paused():
            parts = _parts(document) if memo is None and prepared is None else None
            pipeline: LangPipeline | None
            if parts is not None and len(parts) > 1:
                found, alerts, document, pipeline = self._findings_by_part(document, parts, tag)
            else:
                ctx, pipeline = prepared or self._context(document, memo)
                document = ctx.document
                found, alerts = self._findings(ctx, tag, memo)
                if prepared is None:
                    # facts that refer back to the context (a cycle) would keep every
                    # block's spaCy doc alive until the collector's next full pass; the
                    # alerts below need none of them
                    ctx.release()
                del ctx
            if self.vale_compat:
                alerts.extend(vale_location.place_findings(document, found, self._alert))
            else:
                # each finding let go as its alert is made, and the alerts' repeated
                # words held once: a page with 55,000 alerts held both, 55,000 times
                shared: dict[Any, Any] = {}
                found.reverse()
                while found:
                    rule, finding = found.pop()
                    alerts.append(self._alert(document, rule, finding, shared))
                del shared
            alerts.extend(self._notices(document, pipeline))
            suppressions = document.suppressions
            return _in_order(
                alerts,
                lambda a: (
                    not is_suppressed(
                        suppressions, a.rule, a.span.line, a.rule in self._reading_source
                    )
                ),
            )

    def _findings(
        self, ctx: LintContext, tag: str, memo: BlockMemo | None
    ) -> tuple[list[tuple[Rule, Finding]], list[Alert]]:
        """The findings of the rules that apply, overlaps and limits resolved, and the
        alerts of rules that failed or timed out."""
        applies = self._applies(ctx.document, tag)
        found: list[tuple[Rule, Finding]] = []
        alerts: list[Alert] = []
        for rule in self._rules_to_run(ctx.woken()):
            if applies(rule):
                alerts.extend(self._check(rule, ctx, memo, found))
        return self._resolved(ctx, found), alerts

    def _findings_by_part(
        self, document: Document, parts: list[range], tag: str
    ) -> tuple[list[tuple[Rule, Finding]], list[Alert], Document, LangPipeline]:
        """`_findings` on a long document, a part at a time (see `_parts`): a part's blocks
        are tokenized, searched and checked by the rules that read one block at a time,
        then their docs are let go; the rules that read the whole document run last, on
        every block, and a doc one of them asks for again is made anew (`BlockView`).
        Each rule's findings come in the order they would in one pass (part after part,
        each part's in the rule's own order), so the alerts are the same."""
        document = self._settled(document)
        pipeline = self._pipeline(document)
        index = self._index(pipeline)
        lemmas = index.reads_lemmas

        def remake(view: BlockView) -> Doc:
            view.doc = pipeline.process([view.text], lemmas=lemmas)[0]
            index.search([view])  # which also marks inflected forms on the doc, as before
            return view.doc

        views = [
            BlockView(block, None, i, document.block_text(block), remake)
            for i, block in enumerate(document.blocks)
        ]
        hits: dict[int, list[Hit]] = {}  # the hits of rules that read the whole document
        whole = LintContext(
            document, views, hits, pipeline.has_lemmas, pipeline.trained, self.names, self.wording
        )
        applies = self._applies(document, tag)
        by_rule: dict[int, list[tuple[Rule, Finding]]] = {}
        stopped: dict[int, list[Alert]] = {}  # a rule that failed is not run again
        woken: set[int] = set()
        for numbers in parts:
            part = views[numbers.start : numbers.stop]
            docs = pipeline.process([view.text for view in part], lemmas=lemmas)
            for view, doc in zip(part, docs, strict=True):
                view.doc = doc
            found = index.search(part)
            woken.update(found)
            ctx = whole.part(PartViews(part), found)
            for rule in self._rules_to_run(found):
                key = id(rule)
                if _per_block(rule) and key not in stopped and applies(rule):
                    kept = by_rule.setdefault(key, [])
                    failed = self._check(rule, ctx, None, kept)
                    if failed:
                        stopped[key] = failed
            for key, rule_hits in found.items():
                if not _per_block(self._by_id[key]):
                    hits.setdefault(key, []).extend(rule_hits)
            ctx.release()
            del ctx, found, docs
            for view in part:
                view.release()
        out: list[tuple[Rule, Finding]] = []
        alerts: list[Alert] = []
        for rule in self._rules_to_run(woken):
            if not applies(rule):
                continue
            if _per_block(rule):
                out.extend(by_rule.get(id(rule), ()))
                alerts.extend(stopped.get(id(rule), ()))
            else:
                alerts.extend(self._check(rule, whole, None, out))
        # what is left to do reads the document and the guide's wording, not its blocks:
        # their views (and any doc made again) go first
        settled = whole.part([], {})
        whole.release()
        del whole, views, hits
        return self._resolved(settled, out), alerts, document, pipeline

    def _applies(self, document: Document, tag: str) -> Callable[[Rule], bool]:
        """Whether a rule applies to the document: its language, channel, path, content
        type and format."""
        lang = document.lang
        relative = relative_to_guide(document.path, self.guide.root)
        kind = str(document.meta.get("type", "") or "")

        def applies(rule: Rule) -> bool:
            if not rule.spec.applies_to(lang, document.channel, relative, kind, tag):
                return False
            return not (rule.formats and document.format not in rule.formats)

        return applies

    def _check(
        self,
        rule: Rule,
        ctx: LintContext,
        memo: BlockMemo | None,
        found: list[tuple[Rule, Finding]],
    ) -> list[Alert]:
        """Add the rule's findings to `found`; the alert of its failure, if it failed."""
        document = ctx.document
        try:
            findings = rule.check(ctx) if memo is None else memo.check(rule, ctx)
            if rule.reads_source:
                findings = (replace(f, in_source=True) for f in findings)
            found.extend((rule, f) for f in findings)
        except TimeoutError:  # a pattern backtracking without end on this copy
            return [self._timed_out(document, rule)]
        except Exception as exc:  # one broken rule must not silence the others
            log.exception("rule %s failed on %s", rule.id, document.path)
            return [self._internal_error(document, rule, exc)]
        return []

    def _resolved(
        self, ctx: LintContext, found: list[tuple[Rule, Finding]]
    ) -> list[tuple[Rule, Finding]]:
        """Findings with overlaps, the guide's own wording, placeholders and limits
        resolved."""
        document = ctx.document
        found = _strictest_per_span(_longest_terms(found))
        # each (rule, finding) pair is passed on as it is: a page with 55,000 findings
        # held a copy of every pair per step
        found = [rf for rf in found if not _contradicts_guide(ctx, *rf)]
        found = [rf for rf in found if not _across_placeholder(document, *rf)]
        return _within_limits(found)

    def lint_with_forms(
        self, document: Document
    ) -> tuple[list[Alert], dict[str, Counter[str]], LintContext]:
        """Alerts, plus the spellings used for each term and consistency group (case-folded
        except for exact-case names),
        which an audit adds up across a corpus ("Omni-channel" in 12 files…), and the lint
        context, whose facts (the voice score) the audit reads instead of computing again."""
        if (local := self._for(document)) is not self:
            return local.lint_with_forms(document)
        prepared = self._context(document)
        ctx = prepared[0]
        forms: dict[str, Counter[str]] = {}
        for rule in self.rules:
            for hit in ctx.hits(rule):
                if hit.start and ctx.document.text[hit.start - 1] in "#@":
                    continue  # hashtags and handles are not running text
                form = rule.spelling(ctx.document.text[hit.start : hit.end])
                if form is not None:
                    forms.setdefault(rule.id, Counter())[form] += 1
        return self.lint(document, prepared=prepared), forms, ctx

    def context(self, document: Document) -> LintContext:
        """The document tokenized as the rules see it (`brandlint voice` measures this)."""
        if (local := self._for(document)) is not self:
            return local.context(document)
        return self._context(document)[0]

    def measure(self, document: Document) -> VoiceMetrics:
        """The voice summary of `document` beside the targets of the rules that apply."""
        from brandlint.stats import voice_metrics  # `brandlint stats` and scores, not `check`

        if (local := self._for(document)) is not self:
            return local.measure(document)
        tag = document.lang or self.guide.lang or ""
        ctx, _ = self._context(document)
        document = ctx.document
        relative = relative_to_guide(document.path, self.guide.root)
        kind = str(document.meta.get("type", "") or "")
        targets: dict[str, Any] = {}
        for rule in self.rules:
            if rule.spec.applies_to(document.lang, document.channel, relative, kind, tag):
                targets.update(rule.targets(document.channel))
        return voice_metrics(ctx, targets)

    def rules_for(self, document: Document) -> list[Rule]:
        """The rules that run on `document` as `lint` chooses them (its locale's, by
        language, channel, path, content type and format): the brand scores count only
        the categories these rules guard."""
        if (local := self._for(document)) is not self:
            return local.rules_for(document)
        tag = document.lang or self.guide.lang or ""
        lang = normalize_lang(tag) or "en"
        relative = relative_to_guide(document.path, self.guide.root)
        kind = str(document.meta.get("type", "") or "")
        return [
            rule
            for rule in self.rules
            if rule.spec.applies_to(lang, document.channel, relative, kind, tag)
            and not (rule.formats and document.format not in rule.formats)
        ]

    def _rules_to_run(self, hits: Iterable[int]) -> list[Rule]:
        """Rules that look at every document, plus hit-driven rules the index woke up."""
        woken = [self._woken_by_hits[key] for key in hits if key in self._woken_by_hits]
        return sorted(self._always + woken, key=lambda rule: self._order[id(rule)])

    def _alert(
        self,
        document: Document,
        rule: Rule,
        finding: Finding,
        shared: dict[Any, Any] | None = None,
    ) -> Alert:
        """The finding's alert; with `shared`, its message, match and replacements are
        the same objects as an earlier alert's with equal ones."""
        if finding.in_source:
            span = document.lines.span(finding.start, finding.end)
            block = None
        else:
            span = document.source_span(finding.start, finding.end)
            block = document.block_at(finding.start)
        copy = document.text[finding.start : finding.end]
        source = document.source[span.offset : span.end_offset]
        replacements, message = finding.replacements, finding.message
        if not finding.in_source and copy != source:
            # a rewrite of the copy (a heading's case) shown on the source keeps its code,
            # and a message quoting the copy quotes the words as written
            rewritten = [
                document.rewritten(finding.start, finding.end, r, span) for r in replacements
            ]
            replacements = tuple(new or r for new, r in zip(rewritten, replacements, strict=True))
            if any(rewritten) and copy.strip():
                message = message.replace(copy.strip(), source)
        said = self._said.get(id(rule))
        if said is None:
            said = self._said[id(rule)] = _RuleSays.of(rule)
        if shared is not None:
            message = shared.setdefault(message, message)
            source = shared.setdefault(source, source)
            replacements = shared.setdefault(replacements, replacements)
        return Alert(
            path=document.path,
            rule=said.rule,
            level=finding.level or said.level,
            message=message,
            span=span,
            match=source,
            replacements=replacements,
            link=said.link,
            reason=said.reason,
            lang=document.lang or "",
            channel=document.channel or "",
            scope=block.scope if block else "",
            location=block.location if block else "",
            fixable=bool(finding.replacements) if finding.in_source else copy == source,
            suggestion=finding.suggestion,
            kind=said.kind,
            action=said.action,
            category=said.category,
            detail=finding.detail,
        )

    def _timed_out(self, document: Document, rule: Rule) -> Alert:
        return Alert(
            document.path,
            TIMEOUT,
            Level.WARNING,
            f"Rule {rule.id} stopped on this file: one of its patterns took over "
            f"{SEARCH_BUDGET:g} s (it backtracks on this copy); the other rules still ran.",
            document.lines.span(0, 0),
            "",
        )

    def _internal_error(self, document: Document, rule: Rule, exc: Exception) -> Alert:
        span = document.lines.span(0, 0)
        return Alert(
            document.path,
            INTERNAL_ERROR,
            Level.ERROR,
            f"Rule {rule.id} failed on this file ({type(exc).__name__}: {exc}); "
            "the other rules still ran. Please report this.",
            span,
            "",
        )

    def _notices(self, document: Document, pipeline: LangPipeline | None) -> list[Alert]:
        out = []
        for notice in document.notices:
            span = document.lines.span(notice.source_start, notice.source_end)
            out.append(
                Alert(
                    document.path,
                    notice.rule,
                    Level.parse(notice.level),
                    notice.message,
                    span,
                    document.source[span.offset : span.end_offset],
                )
            )
        if pipeline is not None and pipeline.problem:
            out.append(
                Alert(
                    document.path,
                    LANGUAGE_NOTICE,
                    Level.WARNING,
                    f"{pipeline.problem.capitalize()}.",
                    document.lines.span(0, 0),
                    "",
                )
            )
        return out


@dataclass(frozen=True)
class _RuleSays:
    """What every alert of one rule repeats, read from the rule once rather than per
    alert (its category and declared action are worked out from its spec)."""

    rule: str
    level: Level
    link: str
    reason: str
    kind: str
    action: tuple[str, tuple[str, ...] | None] | None
    category: str

    @classmethod
    def of(cls, rule: Rule) -> _RuleSays:
        spec = rule.spec
        return cls(
            rule.id,
            spec.level,
            spec.link,
            spec.reason,
            rule.kind,
            _declared_action(rule),
            rule.category,
        )


# A document of more blocks or copy than this is linted a part at a time (`_parts`): a
# spaCy doc costs about 5 KB however short its block, and a part of 500 blocks costs its
# rules' setup (a few microseconds each) once more, not its memory.
_PART_BLOCKS = 500
_PART_CHARS = 50_000


def _parts(document: Document) -> list[range]:
    """The document's blocks (by number) in consecutive parts of at most `_PART_BLOCKS`
    blocks and, unless one block is longer, `_PART_CHARS` characters of copy."""
    parts: list[range] = []
    first = chars = 0
    for number, block in enumerate(document.blocks):
        size = block.end - block.start
        if number > first and (number - first == _PART_BLOCKS or chars + size > _PART_CHARS):
            parts.append(range(first, number))
            first, chars = number, 0
        chars += size
    parts.append(range(first, len(document.blocks)))
    return parts


def _per_block(rule: Rule) -> bool:
    """Whether the rule's findings in a block come from that block's copy alone, so it can
    run on a part of a document (one reading the file as written sees more)."""
    return rule.per_block and not rule.reads_source


def relative_to_guide(path: str, root: str) -> str:
    """The document's path relative to the guide's folder, in `/` form, for path filters."""
    import os

    try:
        return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path


def _contradicts_guide(ctx: LintContext, rule: Rule, finding: Finding) -> bool:
    """A tone rule's finding on wording the guide itself requires (see `GuideWording`)."""
    return (
        rule.defers_to_guide_wording
        and not finding.in_source
        and ctx.wording.covers(finding.start, finding.end)
    )


def _across_placeholder(document: Document, rule: Rule, finding: Finding) -> bool:
    """A phrase found across code, math or a component ("is `nil` caused" read as "is
    caused"): the copy has only a space or nothing there, but the reader sees a word, so
    the phrase is not in the text (Vale, reading `***` there, does not find it either)."""
    return (
        rule.finds_phrases
        and not finding.in_source
        and document.holds_placeholder(finding.start + 1, finding.end - 1)
    )


# `Alert.sort_key` from its last part to its first: sorting stably by each in turn puts the
# alerts in the key's order without a key tuple per alert
_SORT_PARTS = (
    attrgetter("rule"),
    attrgetter("span.end_offset"),
    attrgetter("span.offset"),
    attrgetter("path"),
)


def _in_order(alerts: list[Alert], kept: Callable[[Alert], bool]) -> list[Alert]:
    """The `kept` alerts sorted by `Alert.sort_key`; of those saying the same thing at the
    same place (equal key and message), one, where the first stood, and the last said."""
    for part in _SORT_PARTS:
        alerts.sort(key=part)
    out: list[Alert] = []
    place: tuple[str, int, int, str] | None = None
    said: dict[str, int] = {}  # message → where its alert stands in `out`, at `place`
    for alert in alerts:
        if not kept(alert):
            continue
        key = alert.sort_key()
        if key != place:
            place, said = key, {}
        at = said.get(alert.message)
        if at is None:
            said[alert.message] = len(out)
            out.append(alert)
        else:
            out[at] = alert
    return out


def _strictest_per_span(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Two of brandlint's own rules of one kind flagging the same words (a general caps rule
    and the email subject's) say the same thing: the stricter one speaks. Rules from other
    styles each speak, as in Vale: a second style must not vanish behind the first."""
    # own findings by start (most starts have one: no key is made for them, the number
    # is the finding's own), then, where several share a start, by kind and end
    starts: dict[int, tuple[Rule, Finding] | list[tuple[Rule, Finding]]] = {}
    for item in found:
        rule, finding = item
        if _own_words(rule, finding):
            there = starts.get(finding.start)
            if there is None:
                starts[finding.start] = item
            elif isinstance(there, list):
                there.append(item)
            else:
                starts[finding.start] = [there, item]
    kept: list[tuple[Rule, Finding]] = []
    for item in found:
        rule, finding = item
        if not _own_words(rule, finding):
            kept.append(item)
            continue
        there = starts[finding.start]
        if not isinstance(there, list):
            kept.append(item)
            continue
        same = [rf for rf in there if rf[0].kind == rule.kind and rf[1].end == finding.end]
        if same[0] is item:  # where the first stood, the first of the strictest
            kept.append(max(same, key=lambda rf: rf[0].spec.level))
    return kept


def _own_words(rule: Rule, finding: Finding) -> bool:
    """A finding of one of brandlint's own rules (or a strict one) on words; a zero-width
    finding (a document-level metric) marks a place, not words."""
    return (rule.spec.strict or rule.id.startswith("brandlint.")) and finding.end > finding.start


def _declared_action(rule: Rule) -> tuple[str, tuple[str, ...] | None] | None:
    """The `action` the rule's file declares, as written (params None when it names none)."""
    declared = rule.spec.options.get("action")
    if not isinstance(declared, Mapping) or not declared.get("name"):
        return None
    params = declared.get("params")
    return str(declared["name"]), None if params is None else tuple(str(p) for p in params)


def _within_limits(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """A rule's `limit`: at most that many of its findings per document, the first ones."""
    ordered = sorted(found, key=lambda rf: rf[1].start)
    if not any(rule.spec.limit for rule, _ in ordered):
        return ordered
    counts: Counter[str] = Counter()
    kept = []
    for item in ordered:
        rule = item[0]
        counts[rule.id] += 1
        if not rule.spec.limit or counts[rule.id] <= rule.spec.limit:
            kept.append(item)
    return kept


def compile_rules(guide: Guide) -> list[Rule]:
    """Rules for a guide built in code (a rule's examples, a test): compiled here, and a
    broken one is a guide error as it would be at load."""
    from brandlint.checks.registry import KINDS  # every kind; a cached guide needs none

    problems: list[Problem] = []
    rules = [KINDS[spec.kind](spec, problems) for spec in guide.rules]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GuideError(errors)
    return [rule for rule in rules if not rule.skipped]


def _longest_terms(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Resolve overlaps between the guide's own terms and other rules.

    Where term rules overlap ("KESTREL CLOUD" is both a product name and the company) the
    longest match speaks; the others would repeat it with a worse fix. Where a term and a
    pack rule flag the same words, the brand's own term speaks.
    """
    terms = sorted(
        (rf for rf in found if rf[0].speaks_for_brand),
        key=lambda rf: (rf[1].start, -(rf[1].end - rf[1].start)),
    )
    if not terms:
        return found
    kept: list[tuple[Rule, Finding]] = []
    reach = -1
    for item in terms:
        finding = item[1]
        if finding.start < reach and finding.end <= reach:
            continue
        kept.append(item)
        reach = max(reach, finding.end)
    spans = {(f.start, f.end) for _, f in kept}
    others = [
        rf for rf in found if not rf[0].speaks_for_brand and (rf[1].start, rf[1].end) not in spans
    ]
    return others + kept

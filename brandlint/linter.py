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
from typing import Any, Protocol

from brandlint import vale_location
from brandlint.checks.registry import KINDS
from brandlint.core.alerts import Alert, Level
from brandlint.core.document import Document
from brandlint.core.errors import GuideError, Problem
from brandlint.core.patterns import SEARCH_BUDGET
from brandlint.core.rule import BlockView, Finding, Hit, LintContext, Rule
from brandlint.core.spec import RuleSpec
from brandlint.document.suppressions import is_suppressed
from brandlint.guide.model import Guide
from brandlint.matching import PhraseIndex
from brandlint.nlp.pipelines import LangPipeline, Pipelines, normalize_lang
from brandlint.stats import VoiceMetrics, voice_metrics

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
        self._woken_by_hits = {id(rule): rule for rule in self.rules if rule.needs_hits()}
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
        lang = normalize_lang(document.lang) or normalize_lang(self.guide.lang) or "en"
        if document.lang != lang:
            document = replace(document, lang=lang)
        if not document.blocks:
            # no copy (a stylesheet, an empty page): nothing to tokenize, so no spaCy at all
            return LintContext(document, [], {}, False, False, self.names), None
        pipeline = self.pipelines.get(lang, self.guide.pipelines.get(lang, ""))
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
            ctx, pipeline = prepared or self._context(document, memo)
            document = ctx.document
            found, alerts = self._findings(ctx, tag, memo)
            if prepared is None:
                # facts that refer back to the context (a cycle) would keep every block's
                # spaCy doc alive until the collector's next full pass; the alerts below
                # need none of them
                ctx.release()
            del ctx
            if self.vale_compat:
                alerts.extend(vale_location.place_findings(document, found, self._alert))
            else:
                alerts.extend(self._alert(document, rule, f) for rule, f in found)
            alerts.extend(self._notices(document, pipeline))
            kept = {
                (*a.sort_key(), a.message): a
                for a in alerts
                if not is_suppressed(
                    document.suppressions, a.rule, a.span.line, a.rule in self._reading_source
                )
            }
            return sorted(kept.values(), key=Alert.sort_key)

    def _findings(
        self, ctx: LintContext, tag: str, memo: BlockMemo | None
    ) -> tuple[list[tuple[Rule, Finding]], list[Alert]]:
        """The findings of the rules that apply, overlaps and limits resolved, and the
        alerts of rules that failed or timed out."""
        document = ctx.document
        lang = document.lang
        found: list[tuple[Rule, Finding]] = []
        alerts: list[Alert] = []
        relative = relative_to_guide(document.path, self.guide.root)
        kind = str(document.meta.get("type", "") or "")
        for rule in self._rules_to_run(ctx.woken()):
            if not rule.spec.applies_to(lang, document.channel, relative, kind, tag):
                continue
            if rule.formats and document.format not in rule.formats:
                continue
            try:
                findings = rule.check(ctx) if memo is None else memo.check(rule, ctx)
                if rule.reads_source:
                    findings = (replace(f, in_source=True) for f in findings)
                found.extend((rule, f) for f in findings)
            except TimeoutError:  # a pattern backtracking without end on this copy
                alerts.append(self._timed_out(document, rule))
            except Exception as exc:  # one broken rule must not silence the others
                log.exception("rule %s failed on %s", rule.id, document.path)
                alerts.append(self._internal_error(document, rule, exc))
        found = _strictest_per_span(_longest_terms(found))
        found = [(r, f) for r, f in found if not _contradicts_guide(ctx, r, f)]
        found = [(r, f) for r, f in found if not _across_placeholder(document, r, f)]
        return _within_limits(found), alerts

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

    def _alert(self, document: Document, rule: Rule, finding: Finding) -> Alert:
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


def _strictest_per_span(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Two of brandlint's own rules of one kind flagging the same words (a general caps rule
    and the email subject's) say the same thing: the stricter one speaks. Rules from other
    styles each speak, as in Vale: a second style must not vanish behind the first."""
    best: dict[tuple[str, int, int] | int, tuple[Rule, Finding]] = {}
    for number, (rule, finding) in enumerate(found):
        own = rule.spec.strict or rule.id.startswith("brandlint.")
        # a zero-width finding (a document-level metric) marks a place, not words
        same_words = own and finding.end > finding.start
        key = (rule.kind, finding.start, finding.end) if same_words else number
        kept = best.get(key)
        if kept is None or rule.spec.level > kept[0].spec.level:
            best[key] = (rule, finding)
    return list(best.values())


def _declared_action(rule: Rule) -> tuple[str, tuple[str, ...] | None] | None:
    """The `action` the rule's file declares, as written (params None when it names none)."""
    declared = rule.spec.options.get("action")
    if not isinstance(declared, Mapping) or not declared.get("name"):
        return None
    params = declared.get("params")
    return str(declared["name"]), None if params is None else tuple(str(p) for p in params)


def _within_limits(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """A rule's `limit`: at most that many of its findings per document, the first ones."""
    counts: Counter[str] = Counter()
    kept = []
    for rule, finding in sorted(found, key=lambda rf: rf[1].start):
        counts[rule.id] += 1
        if not rule.spec.limit or counts[rule.id] <= rule.spec.limit:
            kept.append((rule, finding))
    return kept


def compile_rules(guide: Guide) -> list[Rule]:
    """Rules for a guide built in code (a rule's examples, a test): compiled here, and a
    broken one is a guide error as it would be at load."""
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
        ((r, f) for r, f in found if r.speaks_for_brand),
        key=lambda rf: (rf[1].start, -(rf[1].end - rf[1].start)),
    )
    kept: list[tuple[Rule, Finding]] = []
    reach = -1
    for rule, finding in terms:
        if finding.start < reach and finding.end <= reach:
            continue
        kept.append((rule, finding))
        reach = max(reach, finding.end)
    spans = {(f.start, f.end) for _, f in kept}
    others = [(r, f) for r, f in found if not r.speaks_for_brand and (f.start, f.end) not in spans]
    return others + kept

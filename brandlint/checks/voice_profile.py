"""`voice`: copy that sounds unlike the brand's approved copy (a voice profile's score).

Written in a guide as `voice: {profile: voice.json, min-score: 70}`. A document scoring below
the minimum is flagged at its first paragraph, a long document's paragraph below it at the
paragraph; the message names the top reasons. The profile is read once, when the guide
loads; a missing or damaged profile is a guide error at the `profile` key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule
from brandlint.core.spec import RuleSpec
from brandlint.voice.profile import Profile, ProfileError, load_profile
from brandlint.voice.score import (
    DocumentScore,
    Scored,
    breakdown,
    prose_views,
    score_context,
)


@dataclass(frozen=True)
class VoiceOptions(Options):
    """The keys a `voice` rule takes, each declared once (`brandlint.core.options`)."""

    kind_doc = "Copy whose voice score against a profile (`brandlint voice learn`) is too low."

    profile: str = option(
        "", doc="The voice profile (JSON), relative to the guide.", example="voice.json"
    )
    min_score: int = option(70, doc="The lowest voice score (0–100) that passes.", example=70)


class VoiceProfile(Rule):
    kind = "voice"
    Options = VoiceOptions

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.profile: Profile | None = None
        self.require(bool(self.opts.profile), "give the voice profile: 'profile: voice.json'")
        if self.opts.profile:
            try:
                self.profile = load_profile(self.opts.profile)
            except ProfileError as exc:
                self._report(("profile",), str(exc))

    def score(self, ctx: LintContext) -> DocumentScore | None:
        """The document's voice score (None: no profile, or no prose to score), computed
        once per lint context: the check and the audit's voice column read the same one."""
        return ctx.fact(self._score)

    def _score(self, ctx: LintContext) -> DocumentScore | None:
        if self.profile is None or not prose_views(ctx):
            return None
        return score_context(ctx, self.profile)

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        found = self.score(ctx)
        if found is None:
            return
        views = prose_views(ctx)
        least = int(self.opts.min_score)
        if found.document.score is None:
            reason = "; ".join(found.document.missing.values())
            yield Finding(
                views[0].block.start,
                views[0].block.end,
                f"No voice score for this document: {reason}.",
                level=Level.SUGGESTION,
            )
            return
        if found.document.score < least:
            yield self._finding(found.document, views[0].block.start, views[0].block.end, least)
        for paragraph in found.paragraphs:
            if paragraph.score is not None and paragraph.score < least:
                yield self._finding(paragraph, paragraph.start, paragraph.end, least)

    def _finding(self, scored: Scored, start: int, end: int, least: int) -> Finding:
        where = scored.line_hint or "this document"
        return Finding(
            start,
            end,
            f"Voice score of {where} is {scored.score} (at least {least}): {scored.reasons()}.",
            detail=breakdown(scored),
        )

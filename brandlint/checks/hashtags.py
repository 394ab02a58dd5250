"""`hashtags`: at most N hashtags in a post."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from brandlint.channels.x_length import HASHTAG
from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label


@dataclass(frozen=True)
class HashtagsOptions(Options):
    """The keys a `hashtags` rule takes, each declared once (`brandlint.core.options`)."""

    max: int = option(2, doc="The most hashtags in a post.", per_channel=True)


class Hashtags(Rule):
    kind = "hashtags"
    Options = HashtagsOptions

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = self.setting(channel, "max")
        count = 0
        for view in ctx.in_scope(self):
            for found in HASHTAG.finditer(view.text):
                count += 1
                if count > limit:
                    start = view.block.start + found.start()
                    yield Finding(
                        start,
                        start + len(found.group()),
                        f"More than {limit} hashtag{'s' if limit != 1 else ''}"
                        f"{channel_label(channel)}: '{found.group()}'.",
                        ("",),
                    )

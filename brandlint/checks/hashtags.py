"""`hashtags`: at most N hashtags in a post."""

from __future__ import annotations

from collections.abc import Iterator

from brandlint.channels.x_length import HASHTAG
from brandlint.core.rule import Finding, LintContext, Rule, channel_label


class Hashtags(Rule):
    kind = "hashtags"
    keys = frozenset({"max"})

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = int(self.setting(channel, "max", 2))
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

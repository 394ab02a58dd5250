"""`emoji`: deny emoji, cap them per piece, or allow them only in some scopes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from brandlint.core.options import Options, option
from brandlint.core.rule import Finding, LintContext, Rule, channel_label
from brandlint.voice.emoji import emoji_spans


@dataclass(frozen=True)
class EmojiOptions(Options):
    """The keys a `emoji` rule takes, each declared once (`brandlint.core.options`)."""

    max: int | None = option(
        None, doc="The most emoji a piece may carry (none: no limit).", per_channel=True
    )
    allowed_scopes: tuple[str, ...] = option(
        (),
        doc="The only scopes where emoji may appear (none: anywhere).",
        per_channel=True,
        example=["paragraph"],
    )


class EmojiPolicy(Rule):
    kind = "emoji"
    Options = EmojiOptions

    @property
    def per_block(self) -> bool:
        """A cap counts emoji across the document; with none allowed or no cap on any
        channel, each emoji is judged in its own block."""
        limits = [
            self.opts.max,
            *(own["max"] for own in self._per_channel.values() if "max" in own),
        ]
        return all(limit is None or int(limit) == 0 for limit in limits)

    def targets(self, channel: str | None) -> dict[str, Any]:
        limit = self.setting(channel, "max")
        return {} if limit is None else {"emoji": int(limit)}

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        channel = ctx.document.channel
        limit = self.setting(channel, "max")
        allowed = self.setting(channel, "allowed_scopes")
        count = 0
        for view in ctx.in_scope(self):
            base = view.block.start
            for start, end, symbol in emoji_spans(view.text):
                count += 1
                if allowed and not any(view.block.in_scope(s) for s in allowed):
                    yield Finding(
                        base + start,
                        base + end,
                        f"No emoji here{channel_label(channel)}: '{symbol}'.",
                        ("",),
                    )
                elif limit is not None and count > int(limit):
                    what = "No emoji" if int(limit) == 0 else f"At most {limit} emoji"
                    yield Finding(
                        base + start,
                        base + end,
                        f"{what}{channel_label(channel)}: '{symbol}'.",
                        ("",),
                    )

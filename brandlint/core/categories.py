"""The parts of a brand a rule guards, which the brand scores are given per.

Every rule kind has a default category here, in one table, so a new kind is scored from
the start; a rule moves to another with `category:` in the guide (a jargon list written as
an `existence` rule guards clarity, not voice). The names follow Acrolinx's scorecard
where it has one (terminology, clarity, tone of voice), plus brandlint's channel and asset
checks.
"""

from __future__ import annotations

from typing import Literal, get_args

Category = Literal["terms", "voice", "clarity", "channels", "assets"]
CATEGORIES: tuple[Category, ...] = get_args(Category)
# a guide's `category:`; empty keeps the kind's
Chosen = Literal["", "terms", "voice", "clarity", "channels", "assets"]

_KIND_DEFAULTS: dict[str, Category] = {
    # the brand's words and their spelling
    "term": "terms",
    "substitution": "terms",
    "consistency": "terms",
    "spelling": "terms",
    "capitalization": "terms",
    # how the brand sounds
    "existence": "voice",
    "exclamation": "voice",
    "caps": "voice",
    "emoji": "voice",
    "passive": "voice",
    "contractions": "voice",
    "person": "voice",
    "occurrence": "voice",
    "voice": "voice",  # a voice profile's score
    # whether a reader follows
    "readability": "clarity",
    "metric": "clarity",
    "sentence-length": "clarity",
    "paragraph-length": "clarity",
    "repetition": "clarity",
    "sequence": "clarity",
    "conditional": "clarity",
    "invisible": "clarity",
    # what each channel demands of a piece
    "length": "channels",
    "sms": "channels",
    "hashtags": "channels",
    "headings": "channels",
    "required": "channels",
    # colours, fonts and images
    "images": "assets",
    "image_specs": "assets",
    "palette": "assets",
    "contrast": "assets",
    "fonts": "assets",
}


def kind_category(kind: str) -> Category:
    """The category a rule of `kind` counts in unless its guide says otherwise. A kind
    missing from the table is a programming error (a test walks the registry)."""
    return _KIND_DEFAULTS[kind]

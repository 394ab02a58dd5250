"""Contrast: a text colour set with a background must be readable on it (WCAG AA)."""

from __future__ import annotations

import pytest

from brandlint.assets.colors import parse_color
from brandlint.assets.contrast import contrast_ratio
from tests.conftest import row

GUIDE = """
name: acme
assets:
  contrast: 4.5
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


@pytest.mark.parametrize(
    ("text", "background", "ratio"),
    [("#000", "#fff", 21.0), ("#767676", "#fff", 4.54), ("#777", "#fff", 4.48)],
)
def test_ratios_match_the_published_wcag_figures(text, background, ratio):
    # 21:1 is the maximum; #767676 on white is the lightest grey that passes AA (4.54:1)
    assert round(contrast_ratio(parse_color(text), parse_color(background)), 2) == ratio


def test_text_and_background_in_one_rule_block(lint):
    sheet = (
        ".badge { color: #0B5FFF; background: #101820 }\n"
        ".button { background-color: #0B5FFF; color: #fff }\n"
        ".hint { color: #777; background: url(paper.png) #fff }\n"
        ".note { color: #777 }\n"
        ".note { background: #fff }\n"
        ".veil { color: rgba(0, 0, 0, .4); background: #fff }\n"
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [("acme.contrast", 1, 17, 1, 24, "#0B5FFF", ())]
    assert alerts[0].message == (
        "Text colour #0B5FFF on #101820 has a contrast of 3.4:1; text needs at least "
        "4.5:1 (WCAG AA)."
    )


def test_large_text_needs_three_to_one(lint):
    sheet = (
        "h1 { font-size: 32px; color: #0B5FFF; background: #101820 }\n"
        "h2 { font-size: 14pt; font-weight: bold; color: #0B5FFF; background: #101820 }\n"
        "h3 { font-size: 18px; font-weight: 700; color: #777; background-color: #999 }\n"
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [("acme.contrast", 3, 48, 3, 52, "#777", ())]
    assert alerts[0].message == (
        "Text colour #777 on #999 has a contrast of 1.5:1; text needs at least 4.5:1 (WCAG AA)."
    )


def test_an_email_cell_with_bgcolor_and_a_style_colour(lint):
    page = '<table><tr><td bgcolor="#101820" style="color: #0B5FFF">Hi</td></tr></table>\n'
    assert [row(a) for a in lint(page, name="mail.html")] == [
        ("acme.contrast", 1, 48, 1, 55, "#0B5FFF", ()),
    ]
    ok = '<table><tr><td bgcolor="#101820"><p style="color: #0B5FFF">Hi</p></td></tr></table>\n'
    assert lint(ok, name="mail.html") == []  # different elements: the cascade is not followed


def test_thresholds_are_settings(lint_with):
    lint = lint_with("name: acme\nassets:\n  contrast: {min: 7, min_large: 4.5}\n")
    sheet = ".a { color: #767676; background: #fff } h1 { font-size: 2em; color: #0B5FFF; }\n"
    assert [a.message for a in lint(sheet, name="x.css")] == [
        "Text colour #767676 on #fff has a contrast of 4.5:1; text needs at least 7:1 (WCAG AA)."
    ]

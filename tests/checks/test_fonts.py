"""Fonts: the first real family of every stack is a brand family allowed where it is used."""

from __future__ import annotations

import pytest

from tests.conftest import row

GUIDE = """
name: acme
assets:
  fonts:
    families: [Inter]
    uses:
      long-form quote:
        families: [Georgia]
        selectors: [blockquote, q, .pull-quote]
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def test_stylesheet_stacks_judged_by_their_first_real_family(lint):
    sheet = (
        'body { font-family: Inter, "Helvetica Neue", Arial, sans-serif }\n'
        'h1 { font-family: "Helvetica Neue", Arial, sans-serif }\n'
        "h2 { font-family: system-ui, -apple-system, Inter }\n"
        "h3 { font-family: Open  Sans, serif }\n"
        ".small { font: italic 600 12px/1.4 Verdana, sans-serif }\n"
        "code { font-family: monospace } .x { font-family: inherit; font: menu }\n"
        ".y { font-family: var(--brand-font) }\n"
        '@font-face { font-family: "Comic Sans MS"; src: url(comic.woff2) }\n'
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [
        ("acme.fonts", 2, 19, 2, 35, '"Helvetica Neue"', ('"Inter"',)),
        ("acme.fonts", 4, 19, 4, 29, "Open  Sans", ("Inter",)),
        ("acme.fonts", 5, 36, 5, 43, "Verdana", ("Inter",)),
    ]
    assert alerts[0].message == "Font 'Helvetica Neue' is not a brand font; use Inter."
    assert alerts[0].level.name == "ERROR" and alerts[0].fixable


def test_a_use_font_only_where_every_selector_is_that_use(lint):
    sheet = (
        "blockquote, .pull-quote { font-family: Georgia, serif }\n"
        "blockquote p, q::before { font-family: Georgia }\n"
        "h1, blockquote { font-family: Georgia }\n"
        ".lead { font-family: Georgia }\n"
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [
        ("acme.fonts", 3, 31, 3, 38, "Georgia", ("Inter",)),
        ("acme.fonts", 4, 22, 4, 29, "Georgia", ("Inter",)),
    ]
    assert alerts[0].message == (
        "Georgia is the long-form quote font (blockquote, q, .pull-quote); use Inter here."
    )


def test_html_inline_styles_font_face_and_svg_attributes(lint):
    page = (
        '<p style="font-family: Georgia, serif">Open the app.</p>\n'
        '<blockquote class="x" style="font-family: &quot;Georgia&quot;">We knew in time.'
        "</blockquote>\n"
        '<font face="Comic Sans MS">Questions?</font>\n'
        '<svg><text font-family="Arial">Sale</text></svg>\n'
    )
    alerts = lint(page, name="mail.html")
    assert [row(a) for a in alerts] == [
        ("acme.fonts", 1, 24, 1, 31, "Georgia", ("Inter",)),
        ("acme.fonts", 3, 13, 3, 26, "Comic Sans MS", ("Inter",)),
        ("acme.fonts", 4, 25, 4, 30, "Arial", ("Inter",)),
    ]


def test_fix_swaps_the_family_and_keeps_the_fallbacks(lint_with, tmp_path):
    from brandlint.fixer import apply_edits, plan_edits

    lint = lint_with(GUIDE)
    sheet = 'h1 { font-family: "Helvetica Neue", Arial, sans-serif }\n'
    alerts = lint(sheet, name="site.css")
    assert apply_edits(sheet, plan_edits(alerts, sheet)) == (
        'h1 { font-family: "Inter", Arial, sans-serif }\n'
    )


def test_a_family_written_with_character_references_maps_to_them_and_is_not_fixed(lint):
    alerts = lint('<p style="font-family: &quot;Arial&quot;, serif">Hi</p>\n', name="a.html")
    assert [row(a) for a in alerts] == [
        ("acme.fonts", 1, 24, 1, 41, "&quot;Arial&quot;", ()),
    ]
    assert alerts[0].message == "Font 'Arial' is not a brand font; use Inter."

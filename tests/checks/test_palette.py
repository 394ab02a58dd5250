"""Palette: every colour in CSS, style attributes, <style>, SVG and email attributes is a
brand colour; near misses snap (in the syntax they were written in), far misses are errors."""

from __future__ import annotations

import pytest

from brandlint.core.alerts import Level
from brandlint.core.errors import GuideError
from brandlint.workspace import Settings, Workspace
from tests.conftest import row

GUIDE = """
name: acme
assets:
  palette:
    Kestrel Blue: "#0B5FFF"
    Ink: "#101820"
    White: "#FFFFFF"
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def test_every_colour_syntax_in_a_stylesheet(lint):
    sheet = (
        ".a { color: #0B5FFE; }\n"
        ".b { color: #0bf; background: #0B5FFE80 }\n"
        ".c { border: 1px solid rgb(10, 94, 255) }\n"
        ".d { color: rgba(10 94 255 / 50%); }\n"
        ".e { color: hsl(220 100% 52%) }\n"
        ".f { outline-color: black }\n"
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [
        ("acme.palette", 1, 13, 1, 20, "#0B5FFE", ("#0B5FFF",)),
        ("acme.palette", 2, 13, 2, 17, "#0bf", ()),
        ("acme.palette", 2, 31, 2, 40, "#0B5FFE80", ("#0B5FFF80",)),
        ("acme.palette", 3, 24, 3, 40, "rgb(10, 94, 255)", ("rgb(11, 95, 255)",)),
        ("acme.palette", 4, 13, 4, 34, "rgba(10 94 255 / 50%)", ("rgb(11 95 255 / 0.5)",)),
        ("acme.palette", 5, 13, 5, 30, "hsl(220 100% 52%)", ("#0B5FFF",)),
        ("acme.palette", 6, 21, 6, 26, "black", ("#101820",)),
    ]
    assert alerts[0].message == (
        "Colour #0B5FFE is not in the palette: it is ΔE 0.1 from Kestrel Blue (#0B5FFF); "
        "use Kestrel Blue."
    )
    assert alerts[0].level is Level.WARNING and alerts[0].fixable
    # #0bf (0, 187, 255) is a cyan, not a slip: an error without a fix
    assert alerts[1].level is Level.ERROR and not alerts[1].fixable
    assert alerts[1].message == (
        "Colour #0bf is not a brand colour (nearest is White, ΔE 29.7); the palette "
        "is Kestrel Blue #0B5FFF, Ink #101820, White #FFFFFF."
    )


def test_exact_palette_colours_pass_in_any_form(lint):
    sheet = (
        "a { color: #0b5fff; background: rgb(11, 95, 255); border-color: rgb(11 95 255 / .5) }\n"
        "b { color: white; fill: #FFF; stroke: #101820ff; }\n"
        "c { color: currentColor; background: transparent; border-color: inherit }\n"
        "e { box-shadow: 0 0 0 rgba(0, 0, 0, 0); background: #ff000000 }\n"
        "d { animation-name: tan; grid-area: red; --accent: navy }\n"
    )
    assert lint(sheet, name="site.css") == []


def test_colours_nested_in_gradients_shadows_and_var_fallbacks(lint):
    sheet = (
        ".hero { background: linear-gradient(90deg, #0B5FFF, #FF6A00) }\n"
        ".card { box-shadow: 0 1px 2px #111; color: var(--ink, #111) }\n"
    )
    alerts = lint(sheet, name="site.css")
    assert [row(a) for a in alerts] == [
        ("acme.palette", 1, 53, 1, 60, "#FF6A00", ()),
        ("acme.palette", 2, 31, 2, 35, "#111", ("#101820",)),
        ("acme.palette", 2, 55, 2, 59, "#111", ("#101820",)),
    ]


def test_html_style_block_style_attribute_and_email_attributes(lint):
    page = (
        "<html><head><style>\n"
        "  .banner { background: #0B5FFE }\n"
        "</style></head>\n"
        '<body><table bgcolor="#000"><tr><td style="color: navy">'
        '<font color="#FAFAFA">Hello</font></td></tr></table></body></html>\n'
    )
    alerts = lint(page, name="mail.html")
    assert [row(a) for a in alerts] == [
        ("acme.palette", 2, 25, 2, 32, "#0B5FFE", ("#0B5FFF",)),
        ("acme.palette", 4, 23, 4, 27, "#000", ("#101820",)),
        ("acme.palette", 4, 51, 4, 55, "navy", ()),
        ("acme.palette", 4, 70, 4, 77, "#FAFAFA", ("#FFFFFF",)),
    ]


def test_svg_presentation_attributes_and_style(lint):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n'
        '  <rect fill="#0C5FFF" stroke="white" style="stroke: rgb(16, 24, 33)"/>\n'
        '  <stop offset="1" stop-color="hotpink"/>\n'
        "</svg>\n"
    )
    alerts = lint(svg, name="badge.svg")
    assert [row(a) for a in alerts] == [
        ("acme.palette", 2, 15, 2, 22, "#0C5FFF", ("#0B5FFF",)),
        ("acme.palette", 2, 54, 2, 69, "rgb(16, 24, 33)", ("rgb(16, 24, 32)",)),
        ("acme.palette", 3, 32, 3, 39, "hotpink", ()),
    ]


def test_near_is_configurable_and_far_level_too(lint_with):
    lint = lint_with(GUIDE + "  near: 1\nrules:\n  acme.palette: {far_level: warning}\n")
    alerts = lint("a { color: #1A66FF; background: #0B5FFE }\n", name="x.css")
    assert [(a.match, a.level, a.replacements) for a in alerts] == [
        ("#1A66FF", Level.WARNING, ()),  # ΔE 2.3 is beyond near: 1
        ("#0B5FFE", Level.WARNING, ("#0B5FFF",)),
    ]


def test_markdown_with_embedded_html_styles(lint):
    copy = 'Spring is here.\n\n<p style="color: #0B5FFE">Shop the sale.</p>\n'
    assert [row(a) for a in lint(copy)] == [
        ("acme.palette", 3, 18, 3, 25, "#0B5FFE", ("#0B5FFF",)),
    ]


def test_a_bad_palette_colour_is_a_guide_error_with_its_position(guide_file, tmp_path):
    path = guide_file('name: acme\nassets:\n  palette:\n    Blue: "#0B5FFF"\n    Ink: blueish\n')
    with pytest.raises(GuideError) as caught:
        Workspace(Settings(guide=str(path))).lint_text("a {}", str(tmp_path / "a.css"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (5, 10)
    assert problem.message == "'blueish' is not a CSS colour; write it as #rrggbb or rgb(r g b)"


def test_suppression_comment_in_css(lint):
    sheet = "/* brandlint-disable-next-line acme.palette */\na { color: #111 }\nb { color: #111 }\n"
    assert [row(a)[1] for a in lint(sheet, name="x.css")] == [3]


def test_a_misspelt_assets_key_is_named_with_its_place(guide_file, tmp_path):
    path = guide_file('name: acme\nassets:\n  pallete:\n    Blue: "#0B5FFF"\n')
    with pytest.raises(GuideError) as caught:
        Workspace(Settings(guide=str(path))).lint_text("a {}", str(tmp_path / "a.css"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (3, 3)
    assert "did you mean 'palette'" in problem.message


def test_an_svg_style_element_with_cdata(lint):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg">\n'
        "<style><![CDATA[\n"
        "  .a { fill: #0B5FFE }\n"
        "]]></style>\n"
        '<text class="a">Spring sale</text>\n'
        "</svg>\n"
    )
    assert [row(a) for a in lint(svg, name="badge.svg")] == [
        ("acme.palette", 3, 14, 3, 21, "#0B5FFE", ("#0B5FFF",)),
    ]

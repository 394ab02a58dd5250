"""CSS in documents: what HTML, SVG, Markdown and CSS files carry, at exact positions."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.assets.colors import colors_in
from brandlint.assets.css import declarations
from brandlint.cli.main import main
from brandlint.document.reader import parse_document
from brandlint.workspace import Settings, Workspace


def test_html_collects_every_kind_of_style_and_its_linked_stylesheets():
    page = (
        '<html><head><meta name="theme-color" content="#0B5FFF">'
        '<link rel="stylesheet" href="css/brand.css">'
        '<link rel="icon" href="x.ico"><style>h1 { color: #0B5FFF }</style></head>\n'
        '<body bgcolor="#fff"><blockquote class="pull big" style="font-family: Georgia">Hi'
        '</blockquote><font face="Inter" color="navy">x</font>\n'
        '<svg><path fill="#101820" stroke="none"/></svg></body></html>\n'
    )
    document = parse_document("mail.html", page)
    found = [
        (s.kind, s.property, s.element, s.text, page[s.start : s.start + len(s.text)])
        for s in document.styles
    ]
    assert found == [
        ("value", "color", "meta", "#0B5FFF", "#0B5FFF"),
        ("sheet", "", "", "h1 { color: #0B5FFF }", "h1 { color: #0B5FFF }"),
        ("value", "background-color", "body", "#fff", "#fff"),
        (
            "declarations",
            "",
            "blockquote.pull.big",
            "font-family: Georgia",
            "font-family: Georgia",
        ),
        ("value", "color", "font", "navy", "navy"),
        ("value", "font-family", "font", "Inter", "Inter"),
        ("value", "fill", "path", "#101820", "#101820"),
        ("value", "stroke", "path", "none", "none"),
    ]
    assert document.stylesheets == ("css/brand.css",)


def test_svg_text_is_copy_and_css_files_have_none(lint_with):
    lint = lint_with("name: t\nterms:\n  - avoid: [leverage]\n    suggest: use\n")
    svg = (
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n'
        "  <title>Leverage your stock</title><desc>A chart</desc>\n"
        '  <text x="1" y="2">We <tspan>leverage</tspan> data</text>\n</svg>\n'
    )
    alerts = lint(svg, name="chart.svg")
    assert [(a.rule, a.span.line, a.span.column, a.match) for a in alerts] == [
        ("t.terms.leverage", 3, 10, "Leverage"),
        ("t.terms.leverage", 4, 31, "leverage"),
    ]
    hungarian = '<svg xml:lang="hu"><text>Omnichannel</text></svg>\n'
    assert parse_document("x.svg", hungarian).lang == "hu"
    css = '.hero::after { content: "We leverage it" }\n'
    assert parse_document("x.css", css).blocks == ()
    assert lint(css, name="x.css") == []


def test_a_named_html_file_brings_its_linked_local_stylesheets(tmp_path, capsys, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text('name: t\nassets:\n  palette: {Ink: "#101820"}\n')
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "mail.css").write_text("p { color: red }\n")
    page = tmp_path / "mail.html"
    page.write_text(
        '<link rel="stylesheet" href="css/mail.css"><link rel="stylesheet" href="gone.css">'
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"><p>Hello</p>\n'
    )
    workspace = Workspace(Settings())
    assert list(workspace.files([str(page)])) == [str(page), str(tmp_path / "css" / "mail.css")]
    # named twice, or found by a folder walk as well: each file once
    assert list(workspace.files([str(page), str(tmp_path)])) == [
        str(page),
        str(tmp_path / "css" / "mail.css"),
    ]
    (tmp_path / ".brandlintignore").write_text("vendor/\n")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "reset.css").write_text("p { color: red }\n")
    other = tmp_path / "other.html"
    other.write_text('<link rel="stylesheet" href="vendor/reset.css"><p>Hi</p>\n')
    assert list(workspace.files([str(other)])) == [str(other)]  # ignored stays ignored
    monkeypatch.chdir(tmp_path)
    assert main(["check", "mail.html"]) == 1
    assert capsys.readouterr().out.startswith(
        "css/mail.css:1:12: error t.palette Colour red is not a brand colour"
    )


def test_fix_snaps_near_misses_in_a_stylesheet_and_leaves_far_misses(tmp_path, capsys):
    (tmp_path / "brandlint.yaml").write_text(
        'name: t\nassets:\n  palette: {Blue: "#0B5FFF", Ink: "#101820"}\n'
    )
    sheet = tmp_path / "site.css"
    sheet.write_bytes(
        b"\xef\xbb\xbfa { color: #0b5ffe;\r\n  border: 1px solid rgb(10, 94, 255) }\r\n"
        b"b { color: tomato }\r\n"
    )
    assert main(["fix", str(sheet)]) == 1  # an error remains
    assert sheet.read_bytes() == (
        b"\xef\xbb\xbfa { color: #0b5fff;\r\n  border: 1px solid rgb(11, 95, 255) }\r\n"
        b"b { color: tomato }\r\n"
    )
    assert capsys.readouterr().err.endswith("1 alert remains\n")


# -- properties ---------------------------------------------------------------------------
COLOURS = st.sampled_from(
    [
        "#0B5FFE",
        "#abc",
        "#0b5fff80",
        "rgb(10, 94, 255)",
        "rgba(10 94 255 / 50%)",
        "hsl(220 100% 52%)",
        "navy",
        "RebeccaPurple",
        "#0bf8",
        "hsla(220, 100%, 52%, .5)",
        "hwb(220 4% 0%)",
    ]
)
NOISE = st.sampled_from(["", " ", "\n", "\t", "/* ọjà 🎨 */", "/* } */", "\r\n"])
PROPS = st.sampled_from(["color", "background", "border-color", "fill", "box-shadow"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(PROPS, COLOURS, NOISE, NOISE), min_size=1, max_size=8))
def test_every_colour_is_found_where_it_was_written(parts):
    sheet = ""
    written = []
    for prop, colour, before, after in parts:
        sheet += f".x{len(written)} {{{before}{prop}:{before}{colour}{after}}}{after}"
        written.append(colour)
    document = parse_document("x.css", sheet)
    found = [u for d in declarations(document.styles) for u in colors_in(d)]
    assert [sheet[u.start : u.end] for u in found] == written
    assert [u.text for u in found] == written


ENTITIES = {'"': "&quot;", "#": "&#35;", "'": "&#x27;", "&": "&amp;", "<": "&lt;"}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(['"Inter"', "#0B5FFF", "a", "é", " ", "🎨", ";"]), st.booleans()),
        min_size=1,
        max_size=20,
    )
)
def test_style_attributes_map_decoded_offsets_back_to_character_references(pieces):
    decoded = "".join(text for text, _ in pieces)
    raw = "".join(
        "".join(ENTITIES.get(c, c) for c in text)
        if escape
        else text.replace("&", "&amp;").replace('"', "&quot;")
        for text, escape in pieces
    )
    page = f'<p style="{raw}">x</p>'
    (style,) = parse_document("x.html", page).styles
    assert style.text == decoded
    for index in range(len(decoded)):
        start, end = style.source_offset(index), style.source_offset(index + 1)
        assert html.unescape(page[start:end]) == decoded[index]
    assert style.source_offset(len(decoded)) == page.index('">x')


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("{}();:,\"'#/*@ \nabc0-9%!\\"), max_size=80))
def test_any_css_reads_without_crashing(text):
    document = parse_document("x.css", text)
    for declaration in declarations(document.styles):
        for use in colors_in(declaration):
            assert 0 <= use.start <= use.end <= len(text)

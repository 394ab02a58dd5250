"""Images: alt text required, decorative images marked, no "image of", a length limit."""

from __future__ import annotations

import pytest

from tests.conftest import row

GUIDE = """
name: t
rules:
  t.alt: {extends: images, level: error, max_alt: 20, forbid_openings: [image of, picture of]}
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def test_html_images_without_alt_or_with_unmarked_empty_alt(lint):
    page = (
        '<p>Hi <img src="img/hero.png" width="600"> and <img src="div.png" alt=""> and '
        '<img src="line.png" alt="" aria-hidden="true"></p>\n'
    )
    alerts = lint(page, name="mail.html")
    assert [row(a) for a in alerts] == [
        ("t.alt", 1, 7, 1, 43, '<img src="img/hero.png" width="600">', ()),
        ("t.alt", 1, 48, 1, 74, '<img src="div.png" alt="">', ()),
    ]
    assert alerts[0].message == (
        "Image 'hero.png' has no alt text; describe it, or mark a "
        'decorative image with alt="" and role="presentation".'
    )
    assert not alerts[0].fixable


def test_markdown_empty_alt_and_an_alt_that_opens_with_picture_of(lint):
    alerts = lint("![](img/a.png) ![Picture of our Leeds store](b.png)\n")
    assert [row(a) for a in alerts] == [
        ("t.alt", 1, 1, 1, 15, "![](img/a.png)", ()),
        ("t.alt", 1, 18, 1, 44, "Picture of our Leeds store", ("Our Leeds store",)),
        ("t.alt", 1, 38, 1, 44, " store", ()),
    ]
    assert alerts[2].message == "Alt text is 26 characters; keep it to 20 or fewer."

"""Image specs: logos (name, format, minimum width) and images by purpose and channel
(sizes from the tag or the file beside the document; a broken file is reported)."""

from __future__ import annotations

import textwrap

import pytest
from PIL import Image

from brandlint.core.alerts import Level
from brandlint.workspace import Settings, Workspace
from tests.conftest import row

GUIDE = """
name: acme
assets:
  logos:
    files: ["*logo*"]
    formats: [svg]
    min_width: 120
    use: acme-logo.svg
  images:
    hero:
      files: ["*hero*"]
      classes: [hero]
      channels: [email]
      formats: [png, jpg, webp]
      sizes: [{width: 600}]
    social:
      channels: [social]
      sizes: [{width: 1200, height: 630}, {width: 1080, height: 1080}]
"""


@pytest.fixture
def site(tmp_path):
    """A content folder with a guide and real image files."""
    (tmp_path / "brandlint.yaml").write_text(textwrap.dedent(GUIDE), encoding="utf-8")
    for folder in ("email/img", "social/img"):
        (tmp_path / folder).mkdir(parents=True)
    sizes = {
        "email/img/spring-hero.png": (640, 320),
        "email/img/wide-hero.png": (1200, 500),
        "email/img/acme-logo.png": (240, 80),
        "social/img/card.png": (1200, 630),
        "social/img/square.png": (1000, 1000),
    }
    for name, size in sizes.items():
        Image.new("RGB", size, (11, 95, 255)).save(tmp_path / name)
    (tmp_path / "email/img/broken-hero.jpg").write_bytes(b"<html>404 Not Found</html>\n")
    (tmp_path / "email/img/acme-logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 30"><title>Acme</title></svg>',
        encoding="utf-8",
    )
    return tmp_path


def lint(site, name, text):
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    workspace = Workspace(Settings(guide=str(site / "brandlint.yaml")))
    return [a for a in workspace.lint_file(path) if a.rule.startswith("acme.")]


def test_logo_format_and_width_from_the_tag_and_from_the_svg_file(site):
    page = (
        '<p><img src="img/acme-logo.png" alt="Acme" width="100"></p>\n'
        '<p><img src="img/acme-logo.svg" alt="Acme"></p>\n'
        '<p><img src="img/acme-logo.svg" alt="Acme" width="160"></p>\n'
    )
    alerts = lint(site, "email/welcome.html", page)
    tag = '<img src="img/acme-logo.png" alt="Acme" width="100">'
    svg_tag = '<img src="img/acme-logo.svg" alt="Acme">'
    assert [row(a) for a in alerts] == [
        ("acme.logos", 1, 4, 1, 56, tag, ()),
        ("acme.logos", 2, 4, 2, 44, svg_tag, ()),
    ]
    assert [a.message for a in alerts] == [
        "Logo 'acme-logo.png' is a PNG; the guide allows SVG only; use acme-logo.svg. "
        "Logo 'acme-logo.png' is 100 px wide (from its width and the file); never show it "
        "narrower than 120 px.",
        "Logo 'acme-logo.svg' is 100 px wide (from the file); never show it narrower than 120 px.",
    ]
    assert all(a.level is Level.ERROR for a in alerts)  # the loader's default for logos


def test_email_hero_size_from_the_file_the_tag_or_both(site):
    page = (
        "Spring is here.\n\n"
        "![Tulips on a counter](img/spring-hero.png)\n\n"
        '<img src="img/wide-hero.png" width="600" alt="A phone showing stock">\n\n'
        '<img src="img/banner.gif" class="hero" width="640" height="200" alt="Sale">\n'
    )
    alerts = lint(site, "email/spring.md", page)
    assert [row(a)[:5] for a in alerts] == [
        ("acme.images.hero", 3, 1, 3, 44),
        ("acme.images.hero", 7, 1, 7, 76),
    ]
    assert [a.message for a in alerts] == [
        "Hero image 'spring-hero.png' is 640×320 px (from the file); hero images are 600 px wide.",
        "Hero image 'banner.gif' is a GIF; the guide allows PNG or JPG or WEBP. "
        "Hero image 'banner.gif' is 640×200 px (from its width and height); hero images are "
        "600 px wide.",
    ]


def test_hero_rule_only_applies_to_email(site):
    for name in ("social/post.md", "web/page.md"):
        alerts = lint(site, name, "![Tulips](../email/img/spring-hero.png)\n")
        assert [a.rule for a in alerts if a.rule == "acme.images.hero"] == []


def test_social_images_one_of_the_sizes(site):
    post = (
        "Summer stock lands this week.\n\n"
        "![Hats on a shelf](img/card.png)\n\n"
        "![Hats in a row](img/square.png)\n\n"
        "![A remote image](https://cdn.example.com/x.png)\n"
    )
    alerts = lint(site, "social/summer.md", post)
    assert [row(a)[:5] for a in alerts] == [("acme.images.social", 5, 1, 5, 33)]
    assert alerts[0].message == (
        "Social image 'square.png' is 1000×1000 px (from the file); social images are "
        "1200×630 px or 1080×1080 px."
    )


def test_a_broken_image_file_is_a_warning_and_the_run_goes_on(site):
    page = (
        '<img src="img/broken-hero.jpg" alt="Our store">\n'
        '<img src="img/spring-hero.png" alt="Tulips">\n'
    )
    alerts = lint(site, "email/news.html", page)
    assert [(a.rule, a.span.line, a.level, a.message) for a in alerts] == [
        (
            "acme.images.hero",
            1,
            Level.WARNING,
            "Image file 'broken-hero.jpg' cannot be read: it is not an image Pillow can read "
            "(damaged, empty or another format).",
        ),
        (
            "acme.images.hero",
            2,
            Level.WARNING,
            "Hero image 'spring-hero.png' is 640×320 px (from the file); hero images are "
            "600 px wide.",
        ),
    ]


def test_picture_sources_are_checked_for_format_but_need_no_alt(site):
    page = (
        '<picture><source srcset="img/acme-logo.png 2x" type="image/png">'
        '<img src="img/acme-logo.svg" alt="Acme" width="150"></picture>\n'
    )
    alerts = Workspace(Settings(guide=str(site / "brandlint.yaml"))).lint_text(
        page, str(site / "email/logo.html")
    )
    assert [(a.rule, a.match) for a in alerts] == [
        ("acme.logos", '<source srcset="img/acme-logo.png 2x" type="image/png">'),
    ]


def test_data_urls_name_their_format(site):
    page = (
        '<img src="data:image/jpeg;base64,/9j/4AAQ" class="hero" width="600" alt="Tulips">\n'
        '<img src="data:image/gif;base64,R0lGOD" class="hero" width="600" alt="Tulips">\n'
    )
    alerts = lint(site, "email/inline.html", page)
    assert [(a.span.line, a.message) for a in alerts] == [
        (2, "Hero image 'inline image' is a GIF; the guide allows PNG or JPG or WEBP."),
    ]


def test_a_broken_logo_file_in_the_wrong_format_is_one_alert_at_the_rule_level(site):
    (site / "email/img/old-logo.png").write_bytes(b"")
    alerts = lint(site, "email/old.html", '<img src="img/old-logo.png" alt="Acme">\n')
    assert [(a.rule, a.level, a.message) for a in alerts] == [
        (
            "acme.logos",
            Level.ERROR,
            "Logo 'old-logo.png' is a PNG; the guide allows SVG only; use acme-logo.svg. "
            "Image file 'old-logo.png' cannot be read: it is not an image Pillow can read "
            "(damaged, empty or another format).",
        )
    ]


def test_a_style_width_wins_over_the_width_attribute(site):
    page = (
        '<img src="img/acme-logo.svg" alt="Acme" width="160" style="width: 90px">\n'
        '<img src="img/acme-logo.svg" alt="Acme" width="90"'
        ' style="max-width: 100%; width: 150px">\n'
    )
    alerts = lint(site, "email/styled.html", page)
    assert [(a.span.line, a.message) for a in alerts] == [
        (
            1,
            "Logo 'acme-logo.svg' is 90 px wide (from its width and the file); never show it "
            "narrower than 120 px.",
        )
    ]


def test_a_logo_other_than_the_guide_s_file_is_flagged(site):
    page = (
        '<img src="img/acme-logo-2019.svg" alt="Acme" width="150">\n'
        '<img src="img/ACME-LOGO.SVG" alt="Acme" width="150">\n'
    )
    alerts = lint(site, "email/old-brand.html", page)
    assert [(a.span.line, a.message) for a in alerts] == [
        (1, "Logo 'acme-logo-2019.svg' is not the logo file; use acme-logo.svg."),
    ]

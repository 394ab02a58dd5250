"""The bundled Kestrel example: section 1 of the guide, flagged where the copy breaks it."""

from __future__ import annotations

from tests.conftest import REPO, row

CONTENT = REPO / "examples" / "kestrel" / "content"


def lint(kestrel, relative):
    return [row(a) for a in kestrel.lint_file(CONTENT / relative) if a.rule.startswith("kestrel.")]


def test_web_page(kestrel):
    assert lint(kestrel, "web/spring-launch.md") == [
        ("kestrel.terms.product-names.kestrel-pay", 8, 1, 8, 12, "Kestrel Pay", ("Kestrel Pay®",)),
        ("kestrel.terms.leverage", 8, 78, 8, 86, "leverage", ("use",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            9,
            1,
            9,
            14,
            "Kestrel cloud",
            ("Kestrel Cloud",),
        ),
        ("kestrel.terms.sign-in", 13, 14, 13, 20, "log in", ("sign in",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            14,
            3,
            14,
            15,
            "KestrelCloud",
            ("Kestrel Cloud",),
        ),
        ("kestrel.terms.email", 14, 34, 14, 40, "e-mail", ("email",)),
        (
            "kestrel.terms.product-names.kestrel-pay",
            15,
            3,
            15,
            15,
            "Kestrel Pay®",
            ("Kestrel Pay",),
        ),
        ("kestrel.terms.omnichannel", 17, 5, 17, 17, "omni-channel", ("omnichannel",)),
        ("kestrel.terms.empty-superlatives", 18, 24, 18, 35, "world-class", ()),
        ("kestrel.terms.guaranteed", 18, 65, 18, 75, "guaranteed", ()),
        ("kestrel.terms.click-here", 22, 32, 22, 42, "Click here", ()),
        ("kestrel.terms.check-out-verb", 23, 17, 23, 25, "checkout", ("check out",)),
        ("kestrel.terms.company-name", 28, 38, 28, 45, "KESTREL", ("Kestrel",)),
    ]


def test_sms(kestrel):
    assert lint(kestrel, "sms/flash-sale.txt") == [
        ("kestrel.terms.company-name", 1, 1, 1, 8, "KESTREL", ("Kestrel",)),
        ("kestrel.terms.product-names.kestrel-go", 1, 18, 1, 28, "Kestrel go", ("Kestrel Go",)),
        ("kestrel.terms.sign-in", 1, 48, 1, 57, "Logged in", ("Signed in",)),
        ("kestrel.terms.check-out-verb", 1, 68, 1, 76, "checkout", ("check out",)),
    ]


def test_email_html(kestrel):
    assert lint(kestrel, "email/welcome.html") == [
        ("kestrel.terms.guys", 8, 23, 8, 27, "guys", ("everyone", "folks")),
        ("kestrel.terms.sign-in", 9, 50, 9, 56, "log in", ("sign in",)),
        ("kestrel.terms.email", 9, 66, 9, 72, "e-mail", ("email",)),
        ("kestrel.terms.email", 13, 31, 13, 37, "e-mail", ("email",)),
        ("kestrel.terms.company-suffix", 13, 59, 13, 71, "Kestrel Inc.", ("Kestrel",)),
    ]


def test_social_post_mixes_spellings(kestrel):
    assert lint(kestrel, "social/launch-post.md") == [
        ("kestrel.terms.omnichannel", 1, 1, 1, 13, "Omni-channel", ("Omnichannel",)),
        ("kestrel.consistency.e-commerce", 2, 12, 2, 21, "ecommerce", ("e-commerce",)),
    ]


def test_hungarian_and_norwegian_pages(kestrel):
    assert lint(kestrel, "hu/omnichannel.md") == [
        ("kestrel.terms.omnichannel", 7, 4, 7, 16, "omni-channel", ("omnichannel",)),
    ]
    assert lint(kestrel, "nb/omnikanal.md") == [
        ("kestrel.terms.omnichannel", 7, 8, 7, 20, "omni-channel", ("omnichannel",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            8,
            1,
            8,
            14,
            "Kestrel cloud",
            ("Kestrel Cloud",),
        ),
    ]

"""`brandlint terms discover`: variant spellings across a real corpus."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.cli.main import main
from brandlint.discover import Discovery
from brandlint.workspace import Settings, Workspace

REAL_COPY = Path(__file__).resolve().parents[1] / "data" / "real_copy"
DATA = Path(__file__).resolve().parent / "data"


def clusters_of(
    text: str,
    lang: str = "en",
    guide_terms: tuple[tuple[str, ...], ...] = (),
    path: str = "page.md",
):
    discovery = Discovery(guide_terms)
    discovery.add(Workspace(Settings(lang=lang)).document(path, text))
    return [c.record() for c in discovery.clusters()]


def discover_json(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The command's JSON, run from `folder` so that paths print relative to it."""
    monkeypatch.chdir(folder)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["terms", "discover", *args]) == 0
    return json.loads(out.getvalue())


def test_sentence_start_capitals_are_not_clusters():
    assert clusters_of("The site is fast. The team built the site.\n\nSite speed matters.\n") == []


def test_hyphen_space_and_joined_spellings_cluster_with_counts_and_places():
    text = "Log in to start.\n\nYour login is safe; log-in here.\n\nThen log in again.\n"
    assert clusters_of(text) == [
        {
            "variants": [
                {"text": "log in", "count": 2},  # "Log in" opening line 1 is "log in"
                {"text": "log-in", "count": 1},
                {"text": "login", "count": 1},
            ],
            "suggested": "log in",
            "examples": [
                {"path": "page.md", "line": 1},
                {"path": "page.md", "line": 3},
                {"path": "page.md", "line": 3},
            ],
            "in_guide": False,
        }
    ]


def test_a_plain_text_line_opens_like_a_sentence():
    # title lines with no full stop, run together into one paragraph by the reader:
    # "Kundetyper" opening the second is the word "kundetyper"
    text = (
        "Markedsføring for butikker\nKundetyper\n"
        "Ved å forstå de forskjellige kundetyper kan butikken vokse.\n"
    )
    assert clusters_of(text, "nb", path="artikkel.txt") == []


def test_code_and_urls_are_not_read():
    text = "Use GitHub.\n\n```\ngithub push\n```\n\nSee https://github.com/x and `github`.\n"
    assert clusters_of(text) == []


# -- ordinary words are not clusters -------------------------------------------------------


def test_german_polite_sie_and_capitalised_nouns_are_not_clusters():
    text = (
        "Wenn Sie mitmachen möchten, danken wir Ihnen. Die Maintainer sagen, sie freuen "
        "sich über jede Hilfe und helfen ihnen gern. Ihr Projekt wächst, und das projekt "
        "der anderen auch.\n"
    )
    assert clusters_of(text, "de") == []


def test_hungarian_words_that_differ_only_by_accents_are_not_clusters():
    text = (
        "Nézd meg az új sablonokat még ma. A csapat meg is írta, hogy még több jön. "
        "Akár holnap is kipróbálhatod, ha akarod: a vezető akar egy gyors választ.\n"
    )
    assert clusters_of(text, "hu") == []


def test_title_case_headings_of_common_words_are_not_clusters():
    text = "## Minor Enhancements\n\nThis release brings minor enhancements to the docs.\n"
    assert clusters_of(text) == []


def test_a_common_word_used_alone_as_a_name_is_a_cluster():
    # "Ruby" capitalised on its own mid-sentence twice: a name, not the gem stone
    text = (
        "Jekyll is written in Ruby, so install Ruby 3.2 first and check that your ruby "
        "version matches.\n"
    )
    assert clusters_of(text) == [
        {
            "variants": [{"text": "Ruby", "count": 2}, {"text": "ruby", "count": 1}],
            "suggested": "Ruby",
            "examples": [{"path": "page.md", "line": 1}, {"path": "page.md", "line": 1}],
            "in_guide": False,
        }
    ]


def test_accents_the_language_does_not_write_are_variants():
    text = "Our café opens at nine, and the cafe serves brunch until two.\n"
    assert clusters_of(text) == [
        {
            "variants": [{"text": "cafe", "count": 1}, {"text": "café", "count": 1}],
            "suggested": "cafe",
            "examples": [{"path": "page.md", "line": 1}, {"path": "page.md", "line": 1}],
            "in_guide": False,
        }
    ]


CANARY = "Try React Canary today: the canary channel ships features before they are stable.\n"


def test_a_common_word_only_in_a_title_case_name_is_not_a_cluster():
    assert clusters_of(CANARY) == []


def test_a_term_in_the_guide_is_a_cluster_even_as_a_common_word():
    assert clusters_of(CANARY, guide_terms=(("Canary",),)) == [
        {
            "variants": [{"text": "Canary", "count": 1}, {"text": "canary", "count": 1}],
            "suggested": "Canary",
            "examples": [{"path": "page.md", "line": 1}, {"path": "page.md", "line": 1}],
            "in_guide": True,
        }
    ]


def test_guide_terms_are_read_from_the_guide_and_marked(tmp_path, monkeypatch):
    (tmp_path / "brandlint.yaml").write_text(
        "terms:\n  - id: canary\n    use: Canary\n    instead_of: [canary build]\n",
        encoding="utf-8",
    )
    (tmp_path / "post.md").write_text(CANARY, encoding="utf-8")
    found = discover_json(["post.md", "--guide", "brandlint.yaml"], tmp_path, monkeypatch)
    assert [(c["suggested"], c["in_guide"]) for c in found] == [("Canary", True)]


# -- inflection through the language's morphology ------------------------------------------

INFLECTED = {
    # hu: accusative, instrumental (attached and after a hyphen), sublative after a hyphen
    "hu": [
        {
            "variants": [
                {"text": "Kestrelt", "count": 2},
                {"text": "Kestrel", "count": 1},
                {"text": "Kestrel-re", "count": 1},
                {"text": "Kestrellel", "count": 1},
                {"text": "kestrel-lel", "count": 1},
            ],
            "suggested": "Kestrel",
            "examples": [
                {"path": "hu-kampany.md", "line": 1},
                {"path": "hu-kampany.md", "line": 7},
                {"path": "hu-kampany.md", "line": 7},
                {"path": "hu-kampany.md", "line": 5},
                {"path": "hu-kampany.md", "line": 5},
            ],
            "in_guide": False,
        }
    ],
    # nb: definite (in two cases) and genitive
    "nb": [
        {
            "variants": [
                {"text": "Kestrel", "count": 2},
                {"text": "Kestrelen", "count": 1},
                {"text": "Kestrels", "count": 1},
                {"text": "kestrelen", "count": 1},
            ],
            "suggested": "Kestrel",
            "examples": [
                {"path": "nb-kampanje.md", "line": 1},
                {"path": "nb-kampanje.md", "line": 3},
                {"path": "nb-kampanje.md", "line": 5},
                {"path": "nb-kampanje.md", "line": 5},
            ],
            "in_guide": False,
        }
    ],
    # az: genitive after an apostrophe (the rule for names) and attached, dative
    "az": [
        {
            "variants": [
                {"text": "Kestrel", "count": 2},
                {"text": "Kestrel'in", "count": 1},
                {"text": "Kestrelə", "count": 1},
                {"text": "kestrelin", "count": 1},
            ],
            "suggested": "Kestrel",
            "examples": [
                {"path": "az-kampaniya.md", "line": 1},
                {"path": "az-kampaniya.md", "line": 5},
                {"path": "az-kampaniya.md", "line": 3},
                {"path": "az-kampaniya.md", "line": 5},
            ],
            "in_guide": False,
        }
    ],
}


@pytest.mark.parametrize("lang", sorted(INFLECTED))
def test_inflected_forms_join_their_term_each_as_written(lang, monkeypatch):
    page = next(DATA.glob(f"{lang}-*.md")).name
    assert discover_json([page, "--lang", lang], DATA, monkeypatch) == INFLECTED[lang]


def test_forms_of_one_spelling_are_not_a_cluster():
    text = "A Kestrelt választják. A Kestrellel gyorsabb, a Kestrelnek nincs havidíja.\n"
    assert clusters_of(text, "hu") == []


# -- a real corpus ---------------------------------------------------------------------------

CORPUS = ["jekyll/docs", "opensource.guide/_articles"]  # 207 + 36 Markdown pages, en/de/hu


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    with pytest.MonkeyPatch.context() as patch:
        return discover_json(CORPUS, REAL_COPY, patch)


def cluster(found: list[dict], *variants: tuple[str, int]) -> dict:
    """The one cluster whose variants are exactly `variants`, in that order."""
    wanted = [{"text": t, "count": n} for t, n in variants]
    (match,) = [c for c in found if c["variants"] == wanted]
    return match


# Each cluster was counted independently: grep -w over the same Markdown files with a
# throwaway script that blanks front matter, fenced and inline code, link targets, URLs,
# HTML tags and Liquid tags, then every hit the two counts disagree on read by eye.
HAND_CHECKED = [
    # case. grep: 18 / 8 / 6 "redcarpet", two of them inline code (`redcarpet`, `--redcarpet`)
    (("Redcarpet", 18), ("RedCarpet", 8), ("redcarpet", 4)),
    # hyphen and space. grep: 19 "theme-gem" + the heading "### Theme-gem dependencies"
    # (an opening capital); 13 "theme gem", less two "theme gem's" (possessives are left
    # out) and one in an indented code block
    (("theme-gem", 20), ("theme gem", 10)),
    # joined and space. grep: 23 / 5, every hit prose
    (("filename", 23), ("file name", 5)),
    # English "email" (jekyll, opensource.guide). grep: 18 "email" + "Email [@oe]" opening
    # a sentence; 2 "e-mail" (the two codes of conduct)
    (("email", 19), ("e-mail", 2)),
    # case. grep: 14 "JavaScript" in English pages (the 15th is in hu/getting-paid.md),
    # "Javascript" in the 1.4.3 post, "javascript" in history.md (the rest is code)
    (("JavaScript", 14), ("Javascript", 1), ("javascript", 1)),
    # joined and space. grep: 15 "CircleCI", one of them "CircleCI's" (a possessive)
    (("CircleCI", 14), ("Circle CI", 1)),
    # diacritics, English pages. grep: 14 "Michael" outside the de/hu articles
    (("Michael", 14), ("Michaël", 1)),
    # Hungarian hyphen and inflection (-ben, -ként). grep in _articles/hu: 4 / 4 / 1 / 1
    (("e-mail", 4), ("email", 4), ("emailben", 1), ("emailként", 1)),
    # German hyphen and case. grep in _articles/de: 6 "E-Mail", 2 "email"
    (("E-Mail", 6), ("email", 2)),
    # Hungarian space/joined and inflection (-t). grep: how-to-contribute.md:216,
    # starting-a-project.md:257 and :259, best-practices.md:137
    (("ellenőrző lista", 2), ("ellenőrző listát", 1), ("ellenőrzőlista", 1)),
    # diacritics. grep: the 3.0 and 3.3 release posts
    (("Bouças", 2), ("Boucas", 1)),
    # a name's case and inflection (dative -nak), hu/building-community.md:100-102
    (("Kops", 1), ("Kopsnak", 1), ("kops", 1)),
]


def test_real_corpus_clusters_verified_by_hand(corpus):
    found = [cluster(corpus, *variants) for variants in HAND_CHECKED]
    assert [c["suggested"] for c in found] == [
        "Redcarpet",
        "theme-gem",
        "filename",
        "email",
        "JavaScript",
        "CircleCI",
        "Michael",
        "email",  # Hungarian: 4 as it stands and twice inflected, against 4 "e-mail"
        "E-Mail",
        "ellenőrző lista",
        "Bouças",
        "Kops",
    ]
    # in the command's order: by total, descending (ties by suggested spelling)
    positions = [corpus.index(c) for c in found]
    assert positions == sorted(positions)


def test_real_corpus_examples_give_each_spelling_first_place(corpus):
    kops = cluster(corpus, ("Kops", 1), ("Kopsnak", 1), ("kops", 1))
    page = "opensource.guide/_articles/hu/building-community.md"
    assert kops["examples"] == [
        {"path": page, "line": 102},
        {"path": page, "line": 102},
        {"path": page, "line": 100},
    ]


def test_real_corpus_is_ordered_by_total(corpus):
    totals = [sum(v["count"] for v in c["variants"]) for c in corpus]
    assert totals == sorted(totals, reverse=True)
    assert totals[0] > 1000  # Jekyll/jekyll


def test_real_corpus_ordinary_words_are_not_clusters(corpus):
    spellings = {v["text"] for c in corpus for v in c["variants"]}
    # German polite pronoun and nouns, Hungarian words told apart by accents, English
    # title-case changelog headings: all in these pages, none a cluster
    assert not spellings & {"Sie", "Ihre", "Projekt", "meg", "még", "akár", "Enhancements"}


def test_write_proposals_comments_every_cluster_not_in_the_guide(tmp_path, monkeypatch):
    (tmp_path / "post.md").write_text(
        "Log in to start.\n\nYour login is safe; log-in here.\n\nThen log in again.\n",
        encoding="utf-8",
    )
    discover_json(["post.md", "--write-proposals", "proposals.yaml"], tmp_path, monkeypatch)
    assert (tmp_path / "proposals.yaml").read_text(encoding="utf-8").splitlines()[3:] == [
        "consistency:",
        "  # log in ×2, log-in ×1, login ×1; e.g. post.md:1",
        '  # - ["log in", "log-in", "login"]',
    ]


# -- positions ------------------------------------------------------------------------------

SPELLINGS = ["log in", "login", "log-in", "Log in", "Kestrel", "kestrel", "KESTREL", "e-mail"]
FILLER = ["Your", "team", "can", "now", "use", "the", "app", "today"]


@given(
    st.lists(
        st.lists(st.sampled_from(SPELLINGS + FILLER), min_size=1, max_size=12),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(["\n", "\n\n", ". ", ", ", " "]), min_size=8, max_size=8),
)
@settings(max_examples=60, deadline=None)
def test_every_example_points_at_a_line_holding_its_spelling(paragraphs, breaks):
    text = "".join(" ".join(words) + breaks[n % len(breaks)] for n, words in enumerate(paragraphs))
    lines = text.split("\n")
    for found in clusters_of(text + "\n"):
        assert len(found["examples"]) == min(len(found["variants"]), 5)
        for variant, where in zip(found["variants"], found["examples"], strict=False):
            line = lines[where["line"] - 1]
            spelled = variant["text"]
            # an opening capital may be read as the word's usual case
            assert spelled in line or spelled[:1].upper() + spelled[1:] in line
            assert variant["count"] <= text.count(spelled) + text.count(
                spelled[:1].upper() + spelled[1:]
            )

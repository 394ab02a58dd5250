"""A guide's `detect_language:` gives copy that declares no language the detected one."""

from __future__ import annotations

from brandlint.workspace import Settings, Workspace
from tests.conftest import FIXTURES


def _first_paragraph(name: str) -> str:
    text = (FIXTURES / "seeds" / name).read_text(encoding="utf-8")
    return next(p for p in text.split("\n\n") if len(p.split()) >= 20)


def test_undeclared_copy_gets_the_detected_language(tmp_path):
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(
        "name: t\nlang: en\ndetect_language:\n  candidates: [en, hu, nb]\n  min_confidence: 0.7\n"
    )
    workspace = Workspace(Settings(guide=str(guide)))
    hungarian = workspace.document(str(tmp_path / "a.md"), _first_paragraph("hu-omnichannel.txt"))
    norwegian = workspace.document(str(tmp_path / "b.md"), _first_paragraph("nb-omnichannel.txt"))
    declared = workspace.document(
        str(tmp_path / "c.md"), "---\nlang: nb\n---\nHello there, friends.\n"
    )
    assert (hungarian.lang, norwegian.lang, declared.lang) == ("hu", "nb", "nb")


def test_without_the_setting_the_guide_language_applies(tmp_path):
    guide = tmp_path / "brandlint.yaml"
    guide.write_text("name: t\nlang: en\n")
    workspace = Workspace(Settings(guide=str(guide)))
    document = workspace.document(str(tmp_path / "a.md"), _first_paragraph("hu-omnichannel.txt"))
    assert document.lang == "en"

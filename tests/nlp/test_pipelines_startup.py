"""A blank pipeline starts without spaCy's command line, trained components, training code
or filled registry, and leaves spaCy whole for a trained pipeline loaded after it.

spaCy can be imported once per process, so each start-up is checked in a fresh one."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from brandlint.nlp.pipelines import _deferred_module, _lemma_source, _stand_in, _TableLemmas


def fresh_process(code: str, tmp_path: Path) -> dict[str, object]:
    """What `code` leaves in `found` (a dict), run in a new interpreter."""
    script = tmp_path / "probe.py"
    script.write_text(
        "import json, sys\nfound = {}\n" + textwrap.dedent(code) + "\nprint(json.dumps(found))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


NEVER_FOR_A_BLANK_PIPELINE = [
    "spacy.cli",  # the command line
    "typer",
    "weasel",
    "spacy.training.initialize",  # training
    "tqdm",
    "spacy.ml",  # trained components and their models
    "spacy.pipeline.dep_parser",
    "spacy.pipeline.tagger",
    "spacy.pipeline.factories",
    "thinc.layers",
    "spacy.lang.ja",  # the registry, filled
    "spacy.lang.zh",
]


def test_a_blank_pipeline_starts_without_what_only_trained_ones_use(tmp_path: Path) -> None:
    found = fresh_process(
        """
        from brandlint.nlp.pipelines import Pipelines

        (doc,) = Pipelines().get("en").process(["Ship it today. Then rest."])
        found["sentences"] = [sentence.text for sentence in doc.sents]
        found["modules"] = sorted(sys.modules)
        found["registry filled"] = sys.modules["spacy.registrations"].REGISTRY_POPULATED
        """,
        tmp_path,
    )
    assert found["sentences"] == ["Ship it today.", "Then rest."]
    assert isinstance(found["modules"], list)
    assert [name for name in NEVER_FOR_A_BLANK_PIPELINE if name in found["modules"]] == []
    assert found["registry filled"] is False


def test_spacy_is_whole_after_a_blank_pipeline(tmp_path: Path) -> None:
    """A trained pipeline (here one saved to a folder), spaCy's own components and its
    command line all work in the process that built a blank pipeline first."""
    found = fresh_process(
        f"""
        from brandlint.nlp.pipelines import Pipelines

        pipelines = Pipelines()
        pipelines.get("en")
        import spacy
        from spacy.training import Example

        saved = spacy.blank("en")
        saved.add_pipe("sentencizer")
        saved.add_pipe("tagger")
        example = Example.from_dict(saved.make_doc("Ship it"), {{"tags": ["VB", "PRP"]}})
        saved.initialize(lambda: [example])  # spaCy's training code, imported on first call
        saved.to_disk({str(tmp_path / "trained")!r})

        trained = pipelines.get("en", {str(tmp_path / "trained")!r})
        found["trained"] = [trained.trained, trained.problem, trained.nlp.pipe_names]
        (doc,) = trained.process(["Ship it today. Then rest."])
        found["sentences"] = [sentence.text for sentence in doc.sents]

        import spacy.cli
        import spacy.pipeline
        from spacy.pipeline import Tagger
        from spacy.training.initialize import init_nlp

        found["cli"] = hasattr(spacy.cli, "app")
        found["pipeline"] = [Tagger.__module__, "EntityRuler" in spacy.pipeline.__all__]
        found["initialize"] = init_nlp.__module__
        found["tagger model"] = spacy.registry.get("architectures", "spacy.Tagger.v2").__name__

        from spacy.matcher import Matcher

        try:  # spaCy's pydantic models validate as ever
            Matcher(saved.vocab, validate=True).add("X", [[{{"LOWER": "ship", "BAD": 1}}]])
        except ValueError as error:
            found["pattern error"] = str(error).splitlines()[-1]
        """,
        tmp_path,
    )
    assert found == {
        "trained": [True, "", ["sentencizer", "tagger"]],
        "sentences": ["Ship it today.", "Then rest."],
        "cli": True,
        "pipeline": ["spacy.pipeline.tagger", True],
        "initialize": "spacy.training.initialize",
        "tagger model": "build_tagger_model",
        "pattern error": "- [pattern -> 0 -> BAD] Extra inputs are not permitted",
    }


def test_the_shipped_tagger_loads_after_a_blank_pipeline(tmp_path: Path) -> None:
    found = fresh_process(
        """
        from brandlint.nlp.pipelines import Pipelines
        from brandlint.nlp.tagger import shipped_tagger

        (doc,) = Pipelines().get("en").process(["We meet up every Friday."])
        shipped_tagger("en").tag([doc])
        found["tags"] = [token.tag_ for token in doc]
        """,
        tmp_path,
    )
    assert found == {"tags": ["PRP", "VBP", "RP", "DT", "NNP", "."]}


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A package whose `__init__` only re-exports, with a module it never names."""
    name = f"reexports_{tmp_path.name.replace('-', '_')}"
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text(
        '"""Names of its modules."""\n'
        "from .light import Light\n"
        "from .heavy import Heavy as Renamed\n"
        "from . import light\n"
        '__all__ = ["Light", "Renamed"]\n',
        encoding="utf-8",
    )
    (folder / "light.py").write_text("class Light:\n    pass\n", encoding="utf-8")
    (folder / "heavy.py").write_text("class Heavy:\n    pass\n", encoding="utf-8")
    (folder / "other.py").write_text("VALUE = 3\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
        del sys.modules[module]


def deferred(name: str) -> types.ModuleType:
    module = _deferred_module(name)
    assert module is not None
    sys.modules[name] = module
    return module


def test_a_deferred_package_imports_only_the_module_of_a_name_asked_for(package: str) -> None:
    module = deferred(package)
    assert module.Light.__module__ == f"{package}.light"
    assert f"{package}.heavy" not in sys.modules
    assert module.Renamed.__name__ == "Heavy"
    assert f"{package}.heavy" in sys.modules


def test_a_deferred_package_still_has_its_other_modules(package: str) -> None:
    module = deferred(package)
    from importlib import import_module

    assert import_module(f"{package}.other").VALUE == 3
    assert module.other.VALUE == 3


def test_a_name_a_deferred_package_does_not_export_runs_its_body(package: str) -> None:
    module = deferred(package)
    assert module.__all__ == ["Light", "Renamed"]
    assert f"{package}.heavy" in sys.modules
    with pytest.raises(AttributeError):
        module.Missing  # noqa: B018


def test_a_package_whose_body_does_more_than_reexport_is_not_deferred(
    package: str, tmp_path: Path
) -> None:
    init = tmp_path / package / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + "SETTING = 1\n", encoding="utf-8")
    assert _deferred_module(package) is None


def test_a_stand_in_imports_the_real_module_when_a_function_is_called(
    package: str,
) -> None:
    name = f"{package}.other"
    (Path(sys.path[0]) / package / "other.py").write_text(
        "def double(x):\n    return 2 * x\n", encoding="utf-8"
    )
    stand_in = _stand_in(name, ("double",))
    sys.modules[name] = stand_in
    assert stand_in.double(4) == 8
    assert sys.modules[name] is not stand_in
    assert sys.modules[name].double(5) == 10


def test_lemmas_are_read_on_the_first_look_up() -> None:
    source = _lemma_source("en")
    assert source is not None
    lemmas = _TableLemmas("en", source)
    assert lemmas._table is None
    assert [lemmas(form) for form in ("leveraging", "synergies", "best", "kestrel")] == [
        "leverage",
        "synergy",
        "best",  # suppletive (best → well) entries are dropped
        "kestrel",
    ]
    assert lemmas._table is not None

"""YAML front matter read through libyaml where the bounds cannot be reached: the very node
tree (values, tags, styles that matter, positions) the bounded loader gives, and the
bounded loader's own words for whatever libyaml is not given."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.core.located_yaml import YamlSyntaxError, compose
from brandlint.document.front_matter import _compose, split_front_matter

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


def shape(node: yaml.Node | None) -> object:
    """What brandlint reads of a node tree (plain scalars are style None in PyYAML's
    composer and '' in libyaml's; a block sequence's flow_style None or False: both mean
    plain and block)."""
    if node is None:
        return None
    marks = (node.start_mark.index, node.start_mark.line, node.start_mark.column)
    marks += (node.end_mark.index, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style or None, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("sequence", node.tag, marks, [shape(item) for item in node.value])
    return ("mapping", node.tag, marks, [(shape(k), shape(v)) for k, v in node.value])


def both(body: str) -> tuple[object, object]:
    def read(composer) -> object:
        try:
            return shape(composer(body))
        except YamlSyntaxError as exc:
            return ("error", str(exc), exc.offset)

    return read(lambda text: compose(text, "front matter")), read(_compose)


WORD = st.text(
    alphabet=st.sampled_from("abcXYZ019 éİı網站-_.,'\"#:!?&*|>%@`\t\\\x07\x85\u2028\ufeff\r{}[]"),
    min_size=1,
    max_size=12,
)
KEY = st.sampled_from(["title", "description", "lang", "tags", "menu", "weight", "date", "x y"])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """Lines of a Hugo-like front matter: plain, quoted and block scalars, lists, flow
    lists and a nested mapping, with characters YAML treats specially mixed in."""
    lines = []
    for key in draw(st.lists(KEY, min_size=1, max_size=6)):
        form = draw(st.sampled_from(["plain", "single", "double", "block", "list", "flow", "map"]))
        word = draw(WORD)
        if form == "plain":
            lines.append(f"{key}: {word}")
        elif form == "single":
            lines.append(f"{key}: '{word}'")
        elif form == "double":
            lines.append(f'{key}: "{word}"')
        elif form == "block":
            lines.append(f"{key}: {draw(st.sampled_from(['|', '>', '>-']))}\n  {word}\n  {word}")
        elif form == "list":
            lines.append(f"{key}:\n- {word}\n- {draw(WORD)}")
        elif form == "flow":
            lines.append(f"{key}: [{word}, {draw(WORD)}]")
        else:
            lines.append(f"{key}:\n  main:\n    weight: {word}")
    # front matter ends with the line break before its closing fence
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\r\n", "\r"]))


@settings(max_examples=400, deadline=None)
@given(body=front_matter())
def test_libyaml_gives_the_bounded_loaders_tree_or_its_error(body):
    bounded, fast = both(body)
    assert fast == bounded


def test_hugo_front_matter_keeps_its_copy_at_its_place():
    source = '---\ntitle: "Héllo wörld"\ntags: [a, b]\nmenu:\n  docs:\n    weight: 10\n---\n'
    front = split_front_matter(source)
    assert front.meta == {
        "title": "Héllo wörld",
        "tags": ["a", "b"],
        "menu": {"docs": {"weight": 10}},
    }
    [block] = front.blocks
    assert block.pieces == [("Héllo wörld", 12, 23, True)]


def test_an_alias_goes_to_the_bounded_loader():
    bounded, fast = both("a: &x [1, 2]\nb: *x\n")
    assert fast == bounded
    assert fast[0] == "mapping"


def test_front_matter_nested_past_the_depth_limit_is_said_at_its_place():
    body = "a:" + "".join(f"\n{'  ' * depth}b{depth}:" for depth in range(1, 120)) + " end\n"
    bounded, fast = both(body)
    assert fast == bounded
    assert fast[0] == "error" and "nested over 100 levels deep" in fast[1]

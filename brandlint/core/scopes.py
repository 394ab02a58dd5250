"""The scope names brandlint's documents carry, so a rule's `scope` can be checked at load.

A scope that no document ever carries would make a rule silently dead; naming the known ones
here lets the loader refuse (in a guide) or skip with a warning (in a Vale rule file) any
other, instead of loading a rule that can never fire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from brandlint.core.options import did_you_mean

# scope → what it selects; `NAME.*` entries take any sub-name (meta.title, field.body, …)
SCOPES: dict[str, str] = {
    "text": "all copy (Vale's default)",
    "summary": "all copy except headings' own markup (Vale's name; the same as text here)",
    "paragraph": "running text: paragraphs and other body blocks",
    "heading": "headings; heading.h1 … heading.h6 for one level",
    "list": "list items",
    "table": "tables; table.header (header cells), table.cell (body cells) and "
    "table.caption for their parts",
    "blockquote": "quotations",
    "caption": "figure captions",
    "button": "button labels",
    "alt": "images' alt text",
    "title": "titles: an HTML <title> and title attributes (not in a Vale project, "
    "where Vale reads no title attribute)",
    "meta": "front matter and <meta> values; meta.KEY for one key (meta.description)",
    "field": "fields of a copy deck; field.KEY for one field (field.subject)",
    "piece": "the pieces of a copy deck; piece.N for one",
    "comment": "source-code comments; comment.line and comment.block for one kind (Vale's)",
}
_SUBSCOPES = {
    "heading": {f"h{n}" for n in range(1, 7)},
    "table": {"header", "cell", "caption"},
    "comment": {"line", "block"},
}
_ANY_SUBSCOPE = {"meta", "field", "piece"}


def scope_problem(selector: str, extra: frozenset[str] = frozenset()) -> str | None:
    """Why `selector` (with `~` and `&` as Vale writes them) names no scope, or None."""
    for part in selector.split("&"):
        name = part.strip().removeprefix("~")
        if name in extra:
            continue
        root, _, sub = name.partition(".")
        if root not in SCOPES:
            hint = did_you_mean(root, [*SCOPES, *extra])
            return f"scope '{name}' is not one brandlint knows{hint}"
        if sub and root not in _ANY_SUBSCOPE and sub not in _SUBSCOPES.get(root, set()):
            choices = ", ".join(f"{root}.{s}" for s in sorted(_SUBSCOPES.get(root, ())))
            return f"scope '{name}' is not one brandlint knows" + (
                f" (use {choices})" if choices else ""
            )
    return None


# Vale's format-qualified scopes (`text.html`, `paragraph.rst`): the scope, in that format's
# files only. Suffix → brandlint's name of the format.
FORMAT_SUFFIXES = {
    "md": "markdown",
    "html": "html",
    "rst": "rst",
    "adoc": "asciidoc",
    "txt": "text",
    "org": "org",
    "xml": "xml",
    "dita": "dita",
}


def split_formats(selectors: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(formats the rule is limited to, the selectors without their format suffixes)."""
    formats: set[str] = set()
    plain: list[str] = []
    for selector in selectors:
        head, _, suffix = selector.rpartition(".")
        if head and suffix in FORMAT_SUFFIXES:
            formats.add(FORMAT_SUFFIXES[suffix])
            selector = head
        plain.append(selector)
    return frozenset(formats), tuple(plain)


@dataclass(frozen=True)
class ValeMarkup:
    """How a Vale project reads HTML and Markdown (rendered to HTML, as Vale does), from
    its `.vale.ini`: the copy a Vale user expects linted is what Vale reads, not what
    brandlint's own defaults would.

    - `ignored` (IgnoredScopes): inline tags whose text reads as `*`s, one per character,
      so a rule sees a word there but none of its letters (`the **** tab`); also the code
      comment scopes to leave out (`comment`, `comment.line`, `comment.block`).
    - `skipped` (SkippedScopes): block tags left out whole, with what they hold.
    - `classes` (IgnoredClasses, added to Vale's own): an element with one of these
      classes is left out whole when it is a block, read as `*`s when it is inline.

    A key the ini sets replaces Vale's default list (IgnoredClasses adds to it), as in
    Vale; `title` attributes and image titles are not copy to Vale, so not here either.
    """

    ignored: frozenset[str] = frozenset({"code", "tt", "kbd"})
    skipped: frozenset[str] = frozenset({"script", "style", "pre", "figure", "noscript", "iframe"})
    classes: frozenset[str] = frozenset({"problematic", "pre", "code"})

    @classmethod
    def from_ini(
        cls, ignored: Iterable[str] = (), skipped: Iterable[str] = (), classes: Iterable[str] = ()
    ) -> ValeMarkup:
        """The settings of a `.vale.ini`: each list given replaces Vale's default, but for
        classes, which add to it."""
        default = cls()
        return cls(
            frozenset(ignored) or default.ignored,
            frozenset(skipped) or default.skipped,
            default.classes | frozenset(classes),
        )

    def skips_comment(self, scopes: frozenset[str]) -> bool:
        """Whether a code comment in `scopes` (`comment`, `comment.line`…) is left out:
        IgnoredScopes names `comment`, or its kind with or without Vale's `text.`."""
        names = {name.removeprefix("text.") for name in self.ignored}
        return "comment" in names or bool(names & scopes)

    def skips_class(self, class_attribute: str | None) -> bool:
        """Whether an element with this `class` attribute is one to leave out."""
        return bool(class_attribute) and not self.classes.isdisjoint(str(class_attribute).split())

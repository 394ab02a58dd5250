"""TBX (ISO 30042) termbases: TBX v2 (`martif` > `termEntry` > `langSet` > `tig`/`ntig`)
and TBX v3 / TBX-Basic (`tbx` > `conceptEntry` > `langSec` > `termSec`), read and written.

A termbase comes from outside (a translation-management export), so it is parsed as
untrusted XML: lxml with no entity expansion, no DTD loading and no network; a file that
declares entities is refused. Elements are matched by local name, so the TBX v3 namespace
and a v2 file without one read alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from brandlint.guide.termbases.model import (
    Concept,
    Designation,
    LangSection,
    Status,
    Termbase,
    TermbaseError,
)

TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# administrativeStatus (and TBX-Basic's older normativeAuthorization) values
_STATUS = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "deprecated",
    "supersededterm-admn-sts": "superseded",
    "preferredterm": "preferred",
    "standardizedterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "deprecated",
    "supersededterm": "superseded",
}


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Any, *names: str) -> Iterator[Any]:
    return (child for child in element if _local(child) in names)


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _typed(element: Any, tag: str, kind: str) -> list[Any]:
    """`<tag type="kind">` children, also inside TBX's grouping elements."""
    found = []
    for child in element:
        name = _local(child)
        if name == tag and child.get("type") == kind:
            found.append(child)
        elif name in ("descripGrp", "termNoteGrp", "adminGrp"):
            found.extend(_typed(child, tag, kind))
    return found


def parse_xml(path: Path) -> Any:
    """The XML tree of `path`, parsed safely; raises TermbaseError at the line at fault."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (1, 1)
        raise TermbaseError(f"not well-formed XML: {exc.msg}", line or 1, column + 1) from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TermbaseError(
            "the termbase declares XML entities; brandlint does not expand them in files "
            "from outside: remove the <!ENTITY …> declarations",
            1,
        )
    return tree.getroot()


def read_tbx(path: Path) -> Termbase:
    root = parse_xml(path)
    name = _local(root)
    term_groups: tuple[str, ...]
    if name == "martif":
        entries, section, term_groups = "termEntry", "langSet", ("tig", "ntig")
    elif name == "tbx":
        entries, section, term_groups = "conceptEntry", "langSec", ("termSec",)
    else:
        raise TermbaseError(
            f"not a TBX file: the root element is <{name}>, not <tbx> (TBX v3) or <martif> "
            "(TBX v2)",
            root.sourceline or 1,
        )
    concepts = []
    for number, entry in enumerate(root.iter(), start=1):
        if _local(entry) != entries:
            continue
        sections = tuple(_section(lang_set, term_groups) for lang_set in _children(entry, section))
        concepts.append(
            Concept(
                id=entry.get("id") or f"c{number}",
                sections=sections,
                definition=_joined(_typed(entry, "descrip", "definition")),
                note=_joined(_children(entry, "note")),
                line=entry.sourceline or 1,
            )
        )
    return Termbase(str(path), "tbx", tuple(concepts))


def _joined(elements: Iterable[Any]) -> str:
    return " ".join(t for t in (_text(e) for e in elements) if t)


def _section(lang_set: Any, term_groups: tuple[str, ...]) -> LangSection:
    tag = lang_set.get(_XML_LANG) or lang_set.get("lang")
    if not tag:
        raise TermbaseError(
            f"<{_local(lang_set)}> has no xml:lang; give each language section its language "
            'tag (xml:lang="en")',
            lang_set.sourceline or 1,
        )
    terms = []
    for group in _children(lang_set, *term_groups):
        holder = next(_children(group, "termGrp"), group)  # ntig > termGrp > term
        term = next(_children(holder, "term"), None)
        if term is None or not _text(term):
            raise TermbaseError(f"<{_local(group)}> has no <term>", group.sourceline or 1)
        terms.append(_designation(group, holder, term))
    terms = _settle_unmarked(terms)
    return LangSection(
        tag=tag,
        terms=tuple(terms),
        definition=_joined(_typed(lang_set, "descrip", "definition")),
        note=_joined(_children(lang_set, "note")),
        line=lang_set.sourceline or 1,
    )


def _designation(group: Any, holder: Any, term: Any) -> Designation:
    status: str | None = None
    part_of_speech = ""
    notes = []
    for element in dict.fromkeys((group, holder)):  # the same element in a tig
        for note in _typed(element, "termNote", "administrativeStatus") + _typed(
            element, "termNote", "normativeAuthorization"
        ):
            value = _text(note)
            status = _STATUS.get(value.lower())
            if status is None:
                raise TermbaseError(
                    f"administrativeStatus '{value}' is not one TBX defines; use "
                    "preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts "
                    "or supersededTerm-admn-sts",
                    note.sourceline or 1,
                )
        for note in _typed(element, "termNote", "partOfSpeech"):
            part_of_speech = _text(note)
        notes += [_text(n) for n in _typed(element, "termNote", "usageNote")]
        notes += [_text(n) for n in _children(element, "note")]
    return Designation(
        text=_text(term),
        status=status or "",  # type: ignore[arg-type]  # settled by _settle_unmarked
        exact=part_of_speech.replace(" ", "").lower() == "propernoun",
        note=" ".join(n for n in notes if n),
        line=term.sourceline or 1,
    )


def _settle_unmarked(terms: list[Designation]) -> list[Designation]:
    """A term with no status is the preferred one when its section marks none preferred,
    and admitted beside a term marked preferred."""
    from dataclasses import replace

    marked = any(t.status == "preferred" for t in terms)
    unmarked: Status = "admitted" if marked else "preferred"
    return [t if t.status else replace(t, status=unmarked) for t in terms]


def write_tbx(concepts: Iterable[Concept]) -> bytes:
    """TBX v3 (TBX-Basic dialect) for `concepts`; names written exactly so are marked as
    proper nouns, which reads back as the same."""
    from lxml import etree

    ns = TBX3_NAMESPACE
    root = etree.Element(f"{{{ns}}}tbx", nsmap={None: ns}, type="TBX-Basic", style="dca")
    root.set(_XML_LANG, "en")
    header = etree.SubElement(root, f"{{{ns}}}tbxHeader")
    desc = etree.SubElement(etree.SubElement(header, f"{{{ns}}}fileDesc"), f"{{{ns}}}sourceDesc")
    etree.SubElement(desc, f"{{{ns}}}p").text = "Exported by brandlint from a brand guide."
    body = etree.SubElement(etree.SubElement(root, f"{{{ns}}}text"), f"{{{ns}}}body")
    for concept in concepts:
        entry = etree.SubElement(body, f"{{{ns}}}conceptEntry", id=concept.id)
        if concept.definition:
            etree.SubElement(entry, f"{{{ns}}}descrip", type="definition").text = concept.definition
        for section in concept.sections:
            lang_sec = etree.SubElement(entry, f"{{{ns}}}langSec")
            lang_sec.set(_XML_LANG, section.tag or "")
            if section.note:
                etree.SubElement(lang_sec, f"{{{ns}}}note").text = section.note
            for term in section.terms:
                term_sec = etree.SubElement(lang_sec, f"{{{ns}}}termSec")
                etree.SubElement(term_sec, f"{{{ns}}}term").text = term.text
                status = etree.SubElement(
                    term_sec, f"{{{ns}}}termNote", type="administrativeStatus"
                )
                status.text = f"{term.status}Term-admn-sts"
                if term.exact:
                    pos = etree.SubElement(term_sec, f"{{{ns}}}termNote", type="partOfSpeech")
                    pos.text = "properNoun"
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))

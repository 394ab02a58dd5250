"""`spelling`: words no Hunspell dictionary accepts (Vale-compatible).

Each word is checked at its exact place: words are spaCy's tokens, with contractions and
hyphenated compounds put back together (`don't`, `e-mail`); a rule from a Vale rule file
takes words as Vale's tokenizer does (split at white space, brackets and end punctuation
taken off), and finds its exceptions anywhere in a word, as Vale. URLs, e-mail addresses,
hashtags, handles and the words of the guide's exact-case brand names are never flagged.
Vale's default filters skip words with anything but letters and apostrophes (numbers,
hyphens, dots), words in letters the dictionary does not write in (Japanese in English
copy; Vale: any but ASCII letters, which would skip every accented Hungarian word),
mixed-case words such as `MongoDB` and words ending in capitals such as `NASA`;
`custom: true` turns them off (numbers still pass, as in Vale), and `filters` adds patterns
of words to skip. `ignore` names word lists (one word per line) to accept,
resolved as Vale does: an absolute path, or relative to the StylesPath (the folder holding
the style's folder; a guide's folder for a rule written in a guide), or under its
`config/ignore` folder.

Dictionaries are Hunspell `.aff`/`.dic` pairs, looked up by name in `dicpath`, the
StylesPath's `config/dictionaries`, `$DICPATH` and the system's folders (Debian's
`hunspell-en-us` installs en_US in /usr/share/hunspell). Without `dictionaries`, English
copy is checked with Vale's default dictionary, en_US-web (SCOWL's en_US word list as
Vale embeds it; shipped with brandlint, so English needs nothing installed), and copy in
another language with that language's installed dictionary (hu_HU, nb_NO…); a language
with none installed gets one note per document saying it was not checked. A dictionary
that cannot be found is a warning when the guide loads, and the rule is not loaded; one
that cannot be read (a malformed .aff) gives each document one warning saying so.
`action: {name: suggest}` offers the dictionary's edit-based suggestions as fixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brandlint.checks.patterns import Action, PatternRule
from brandlint.core.alerts import Level
from brandlint.core.errors import Problem
from brandlint.core.options import Options, option
from brandlint.core.patterns import PatternError, UserPattern
from brandlint.core.rule import Finding, LintContext, format_message
from brandlint.core.spec import RuleSpec
from brandlint.spelling import (
    DEFAULT_DICTIONARY,
    DEFAULT_FILES,
    Files,
    Speller,
    find_dictionary,
    installed_for,
    search_folders,
    speller,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Vale's default filters: mixed case (MongoDB), capitals at the end (NASA, SaaS), and any
# character but letters and apostrophes (Vale: ASCII letters; here the letters of the
# dictionaries' own words, so Hungarian or Norwegian words are checked, not skipped for
# their accents, while Japanese in English copy is skipped as in Vale)
_MIXED_CASE = re.compile(r"[A-Z][a-z]+[A-Z]+\w+")
_CAPITALS_AT_END = re.compile(r"[A-Z]+$")
_NOT_A_WORD = re.compile(r"[^\w']|[\d_]")
# numbers and the like, which Vale's speller accepts when the default filters are off
_NUMBER = re.compile(r"^([0-9]+[.,-]?)+$|^0?x[0-9A-Fa-f]+$|^0b[01]+$|^[0-9a-z]{40}$")
_NUMBER_WITH_UNIT = re.compile(r"^[0-9]+([a-zA-Z]+)$")
_APOSTROPHES = "'’‘"
_HYPHENS = ("-", "\u2010", "\u2011")  # hyphen-minus, hyphen, non-breaking hyphen
_CLITICS = ("n't", "n’t")


@dataclass(frozen=True)
class SpellingOptions(Options):
    """The keys a `spelling` rule takes, each declared once (`brandlint.core.options`)."""

    dictionaries: tuple[str, ...] = option(
        (),
        doc="Hunspell dictionaries by name; a word is correct when any accepts it "
        "(default: en_US for English copy, the installed dictionary of the copy's "
        "language otherwise).",
        example=["en_US", "en_medical"],
    )
    dicpath: str = option(
        "",
        doc="A folder of .aff/.dic files, absolute or relative to the StylesPath; "
        "searched before $DICPATH and the system's folders.",
        example="dictionaries",
    )
    append: bool = option(
        False,
        doc="Load the default dictionary (Vale's en_US-web) as well as `dictionaries`.",
    )
    aff: str = option("", doc="One dictionary's .aff file (with `dic`), instead of `dictionaries`.")
    dic: str = option("", doc="One dictionary's .dic file (with `aff`).")
    custom: bool = option(
        False,
        doc="Turn off the default filters (words with digits, hyphens or dots, "
        "mixed-case words, words ending in capitals).",
    )
    filters: tuple[str, ...] = option(
        (),
        doc="Regexes of words to skip (searched in each word).",
        example=["[pP]y.*\\b"],
    )
    ignore: tuple[str, ...] = option(
        (),
        doc="Files of words to accept, one a line: absolute, or relative to the "
        "StylesPath or its config/ignore folder.",
        example=["Brand/ignore/products.txt"],
    )
    exceptions: tuple[str, ...] = option(
        (),
        doc="Words to accept in any case, each a regex or a literal word.",
        example=["Kestrel"],
    )
    threshold: int = option(0, doc="Read by Vale, which does nothing with it; so does brandlint.")
    action: Action | None = option(
        None, doc="`suggest` offers the dictionary's suggestions; remove and replace work too."
    )


class Spelling(PatternRule):
    kind = "spelling"
    Options = SpellingOptions
    default_message = "Did you really mean '%s'?"

    def __init__(self, spec: RuleSpec, problems: list[Problem]) -> None:
        super().__init__(spec, problems)
        self.roots = self._roots()
        self.filters = [
            found
            for index, text in enumerate(self.opts.filters)
            if (found := self.regex(text, self._at("filters", index, self.opts.filters)))
        ]
        self.accepted: set[str] = set()
        for index, name in enumerate(self.opts.ignore):
            self._read_word_list(name, self._at("ignore", index, self.opts.ignore))
        self.folders = search_folders(self._dictionary_folders())
        # None: per document language; else the files every document is checked with
        self.files: tuple[Files, ...] | None = self._resolve_dictionaries()
        self._by_language: dict[str, Speller | None] = {}

    @property
    def suggests(self) -> bool:
        action: Action | None = self.opts.action
        return action is not None and action.name == "suggest"

    def _check_action(self) -> None:
        """`suggest` is the dictionary's suggestions here; other actions as every kind's."""
        if not self.suggests:
            super()._check_action()

    def exceptions(self) -> list[UserPattern]:
        """Words to accept, in any case (Vale matches a spelling rule's exceptions
        case-insensitively): in a brandlint guide's rule each searched as a whole word; in
        a Vale rule file searched anywhere in the word, as Vale does (the accepted
        `QObject` also accepts `QObjects`, `arg` accepts `RGArg`)."""
        if self._exceptions is None:
            found = []
            for text in (str(t).removeprefix("(?i)") for t in self.opts.exceptions):
                try:
                    UserPattern(text)
                    body = text
                except PatternError:  # not a regex: a literal word
                    body = re.escape(text)
                whole = rf"\b(?:{body})\b" if self.spec.strict else f"(?:{body})"
                found.append(UserPattern("(?i)" + whole))
            self._exceptions = found
        return self._exceptions

    # -- where files are ----------------------------------------------------------------
    def _roots(self) -> list[Path]:
        """Folders relative paths start from: the StylesPath and the style's folder for a
        Vale rule file, the guide's folder for a rule written in a guide."""
        if not self.spec.origin:
            return [Path.cwd()]
        origin = Path(self.spec.origin).resolve()
        if self.spec.strict:
            return [origin.parent]
        return [origin.parent.parent, origin.parent]

    @staticmethod
    def _at(key: str, index: int, values: tuple[str, ...]) -> tuple[str | int, ...]:
        return (key, index) if len(values) > 1 else (key,)

    def _candidates(self, name: str, *subfolders: str) -> list[Path]:
        path = Path(name).expanduser()
        if path.is_absolute():
            return [path]
        found = [root / name for root in self.roots]
        found += [self.roots[0] / sub / name for sub in subfolders]
        return found

    def _read_word_list(self, name: str, where: tuple[str | int, ...]) -> None:
        candidates = self._candidates(name, "config/ignore")
        files = {p.resolve() for p in candidates if p.is_file()}
        if not files:
            looked = ", ".join(str(p) for p in candidates)
            self.problems.append(
                self.spec.problem(
                    where,
                    f"{self.id}: the word list '{name}' was not found (looked for {looked}); "
                    "its words are not accepted",
                    "warning",
                )
            )
            return
        for file in sorted(files):
            try:
                lines = file.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                self.problems.append(
                    self.spec.problem(where, f"{self.id}: cannot read {file}: {exc}", "warning")
                )
                continue
            self.accepted.update(w for line in lines if (w := line.strip()) and w[0] != "#")

    def _dictionary_folders(self) -> list[Path]:
        folders = []
        dicpath = self.opts.dicpath
        if dicpath:
            candidates = self._candidates(dicpath)
            found = next((p for p in candidates if p.is_dir()), None)
            if found is None:
                looked = ", ".join(str(p) for p in candidates)
                self.skip(
                    ("dicpath",),
                    f"{self.id}: dicpath '{dicpath}' is not a folder (looked for {looked}); "
                    "the rule is not loaded",
                )
            else:
                folders.append(found)
        folders.append(self.roots[0] / "config" / "dictionaries")
        return folders

    def _resolve_dictionaries(self) -> tuple[Files, ...] | None:
        opts = self.opts
        if opts.aff or opts.dic:
            return self._file_pair()
        wanted: list[tuple[tuple[str | int, ...], str]] = [
            (self._at("dictionaries", i, opts.dictionaries), name)
            for i, name in enumerate(opts.dictionaries)
        ]
        if not wanted:
            # per document language; the languages the rule is limited to must be there
            langs = [lang for lang in self.spec.langs if not lang.startswith("~")] or ["en"]
            for lang in langs:
                if installed_for(lang, self.folders) is None:
                    at: tuple[str | int, ...] = ("lang",) if self.spec.langs else ()
                    self._missing(at, f"{lang}_{lang.upper()}")
            return None
        # `append: true` adds Vale's default dictionary, as Vale does
        files: list[Files] = [DEFAULT_FILES] if opts.append else []
        for where, name in wanted:
            found = find_dictionary(name, self.folders)
            if found is None:
                self._missing(where, name)
            elif found not in files:
                files.append(found)
        return tuple(files)

    def _file_pair(self) -> tuple[Files, ...] | None:
        opts = self.opts
        if not (opts.aff and opts.dic):
            missing = "dic" if opts.aff else "aff"
            self.skip(
                ("aff" if opts.aff else "dic",),
                f"{self.id}: 'aff' and 'dic' go together ('{missing}' is missing); "
                "the rule is not loaded",
            )
            return ()
        pair = []
        for key in ("aff", "dic"):
            name = str(getattr(opts, key))
            candidates = self._candidates(name)
            found = next((p for p in candidates if p.is_file()), None)
            if found is None:
                looked = ", ".join(str(p) for p in candidates)
                self.skip(
                    (key,),
                    f"{self.id}: the {key} file '{name}' was not found (looked for {looked}); "
                    "the rule is not loaded",
                )
                return ()
            pair.append(found)
        return ((pair[0], pair[1]),)

    def _missing(self, where: tuple[str | int, ...], name: str) -> None:
        existing = [str(f) for f in self.folders if f.is_dir()]
        looked = f"looked in {', '.join(existing)}" if existing else "no dictionary folder exists"
        hint = "hunspell-en-us" if name == DEFAULT_DICTIONARY else "a hunspell-* package"
        self.skip(
            where,
            f"{self.id}: Hunspell dictionary '{name}' not found ({looked}); install it "
            f"(on Debian: {hint}) or set 'dicpath' to its folder; the rule is not loaded",
            on_key=bool(where),
        )

    # -- checking -----------------------------------------------------------------------
    def _speller(self, lang: str) -> Speller | None:
        if self.files is not None:
            return speller(self.files)
        if lang not in self._by_language:
            files = installed_for(lang, self.folders)
            self._by_language[lang] = speller([files]) if files else None
        return self._by_language[lang]

    def check(self, ctx: LintContext) -> Iterator[Finding]:
        lang = ctx.document.lang or "en"
        views = list(ctx.in_scope(self))
        if not views:
            return
        checker = self._speller(lang)
        if checker is None:
            message = (
                f"{self.id} did not check this '{lang}' copy: no Hunspell dictionary for "
                f"'{lang}' is installed; install one, or name one in 'dictionaries'."
            )
            yield Finding(0, 0, message, in_source=True, level=Level.SUGGESTION)
            return
        problem = checker.problem()
        if problem:
            message = f"{self.id} did not check this copy: {problem}."
            yield Finding(0, 0, message, in_source=True, level=Level.WARNING)
            return
        alphabet = checker.alphabet()
        names = {word.lower() for name in ctx.names for word in re.findall(r"[^\W\d_]+", name)}
        exceptions = self.exceptions()
        for view in views:
            text = view.text
            # a Vale rule file splits words as Vale does; a brandlint guide's rule as spaCy
            found = words(view.doc, text) if self.spec.strict else vale_words(text)
            for start, end in found:
                word = text[start:end]
                if start and text[start - 1] in "#@":
                    continue  # a hashtag or a handle
                if self._skipped(word, alphabet) or word.lower() in names:
                    continue
                if self.opts.custom and _number(word, checker):
                    continue
                if word in self.accepted or word.lower() in self.accepted:
                    continue
                if exceptions and self.excepted(word, exceptions):
                    continue
                if checker.known(_straight(word)):
                    continue
                fixes = checker.suggest(word) if self.suggests else self.fixes(word)
                base = view.block.start
                yield Finding(base + start, base + end, format_message(self.message, word), fixes)

    def _skipped(self, word: str, alphabet: frozenset[str]) -> bool:
        """Whether the default filters (unless `custom`) or the rule's own skip `word`. The
        default filters skip words with anything but letters and apostrophes, with letters
        the dictionaries do not write in (Vale: any but ASCII letters), mixed-case words and
        words ending in capitals."""
        if not self.opts.custom:
            plain = word.replace("’", "'").replace("‘", "'")
            if _NOT_A_WORD.search(plain) or _MIXED_CASE.search(plain):
                return True
            if _CAPITALS_AT_END.search(plain):
                return True
            if any(c.isalpha() and c.lower() not in alphabet for c in plain):
                return True
        return any(f.search(word) for f in self.filters)


def _number(word: str, checker: Speller) -> bool:
    """Numbers, hex and binary literals, hashes, and a number with a unit the dictionary
    knows (`100GB`, `3ms`): Vale's speller accepts them."""
    if _NUMBER.match(word):
        return True
    unit = _NUMBER_WITH_UNIT.match(word)
    return unit is not None and checker.known(unit.group(1))


def _straight(word: str) -> str:
    """Curly apostrophes as straight ones, as Vale reads words (`doesn’t`, `doesn‘t`)."""
    return word.replace("’", "'").replace("‘", "'")


# Vale's word tokenizer (internal/nlp/tokenize.go): white-space separated, these marks
# taken off the start and the end one at a time, abbreviations (`U.S.`, `Dr.`) kept whole
_VALE_PREFIXES = ("$", "(", '"', "[", "'")
_VALE_SUFFIXES = (",", ")", '"', "]", "!", ";", ".", "?", ":", "'")
_VALE_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$")
_VALE_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def vale_words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each word as Vale's spelling check takes words: split at white
    space only, so `findChild()` or `Tag/html` stays one word (which the default filters
    then skip); curly quotes read as straight ones; a word needs a letter."""
    plain = text.translate(_VALE_QUOTES)
    for found in re.finditer(r"\S+", plain):
        start, end = found.span()
        while not _VALE_ABBREVIATION.match(plain[start:end]):
            if end - start > 1 and plain[start] in _VALE_PREFIXES:
                start += 1
            elif end - start > 1 and plain[end - 1] in _VALE_SUFFIXES:
                end -= 1
            else:
                break
        if any(c.isalpha() for c in plain[start:end]):
            yield start, end


def words(doc: Doc, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) in the block of each word: spaCy's tokens, with clitics (`n't`, `'s`)
    and hyphens put back between the tokens they join, and leading and trailing
    punctuation left out. URLs and e-mail addresses are not words. `text` is the doc's
    text (`Doc.text` would join every token again on each call)."""
    group: list[Token] = []
    for token in doc:
        if group and not _joined(group[-1], token):
            yield from _word(group, text)
            group = []
        group.append(token)
    if group:
        yield from _word(group, text)


def _joined(before: Token, token: Token) -> bool:
    if before.whitespace_:
        return False
    return (
        token.text[0] in _APOSTROPHES
        or token.lower_ in _CLITICS
        or token.text in _HYPHENS
        or before.text in _HYPHENS
        or before.text[-1] in _APOSTROPHES
    )


def _word(group: list[Token], text: str) -> Iterator[tuple[int, int]]:
    if any(t.like_url or t.like_email for t in group):
        return
    start = group[0].idx
    end = group[-1].idx + len(group[-1].text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start < end and any(c.isalpha() for c in text[start:end]):
        yield start, end

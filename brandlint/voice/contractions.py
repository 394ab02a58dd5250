"""English contractions and their long forms, for 'prefer' and 'avoid' contraction rules."""

from __future__ import annotations

PAIRS: dict[str, str] = {
    "you are": "you're",
    "we are": "we're",
    "they are": "they're",
    "it is": "it's",
    "that is": "that's",
    "there is": "there's",
    "what is": "what's",
    "here is": "here's",
    "you will": "you'll",
    "we will": "we'll",
    "it will": "it'll",
    "they will": "they'll",
    "you have": "you've",
    "we have": "we've",
    "they have": "they've",
    "let us": "let's",
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "are not": "aren't",
    "was not": "wasn't",
    "were not": "weren't",
    "cannot": "can't",
    "can not": "can't",
    "could not": "couldn't",
    "will not": "won't",
    "would not": "wouldn't",
    "should not": "shouldn't",
    "has not": "hasn't",
    "have not": "haven't",
    "I am": "I'm",
    "you would": "you'd",
    "we would": "we'd",
}


def curly(text: str) -> str:
    return text.replace("'", "\u2019")


def contracted_forms() -> dict[str, str]:
    """Contraction (straight and curly apostrophe) → long form."""
    out: dict[str, str] = {}
    for long, short in PAIRS.items():
        out.setdefault(short, long)
        out.setdefault(curly(short), long)
    return out

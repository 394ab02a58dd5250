"""The traffic lights of the HTML report (issue 17: green ≥ 80, yellow ≥ 60, red below, as
`brandlint.scores.light` names them), drawn the same way wherever the page shows a score:
the summary, each channel, category and file, and the trend's latest points. A light is
a dot in its colour and carries its name, for readers who cannot tell the colours apart."""

from __future__ import annotations

COLOURS = {"green": "#1e8e3e", "yellow": "#f9ab00", "red": "#d93025"}

CSS = (
    ".light{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.35em;"
    "vertical-align:-.05em}"
    + "".join(f".light-{name}{{background:{colour}}}" for name, colour in COLOURS.items())
)


def light_html(score: float | None, light: str | None) -> str:
    """A score with its light before it; a dash when nothing was scored."""
    if score is None or light is None:
        return "–"
    return (
        f'<span class="light light-{light}" data-light="{light}" title="{light}"></span>{score:.1f}'
    )


def light_svg(x: float, y: float, light: str, name: str) -> str:
    """The light of a chart's series (`name`, already escaped), centred on (x, y)."""
    return (
        f'<circle class="light-dot" data-light="{light}" data-name="{name}" cx="{x:g}" '
        f'cy="{y:g}" r="4" fill="{COLOURS[light]}"><title>{light}</title></circle>'
    )

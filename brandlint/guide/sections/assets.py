"""`assets:` as rules: `NAME.palette`, `NAME.contrast`, `NAME.fonts`, `NAME.logos`, and one
`NAME.images.PURPOSE` per image purpose; `rules:` can then tune them like any rule."""

from __future__ import annotations

from typing import Any

from brandlint.core.spec import RuleSpec
from brandlint.guide.sections import GuideFile, Where, slug

_PALETTE_REASON = (
    "Colours come from the brand palette. A colour within `near` (CIEDE2000) of a palette "
    "colour is a slip and snaps to it; anything further is a different colour."
)
_CONTRAST_REASON = (
    "Text must stay readable on its background: WCAG 2.2 AA asks for 4.5:1, 3:1 for large text."
)
_FONTS_REASON = "Type is set in the brand's families, each where the guide allows it."


def read_assets(source: GuideFile) -> list[RuleSpec]:
    assets = source.data.get("assets")
    if not isinstance(assets, dict):
        return []
    name = source.name
    wanted: list[tuple[Where, str, str, dict[str, Any]]] = []
    if isinstance(assets.get("palette"), dict):
        data = {"palette": assets["palette"], "level": "warning", "reason": _PALETTE_REASON}
        if "near" in assets:
            data["near"] = assets["near"]
        wanted.append((("assets",), f"{name}.palette", "palette", data))
    contrast = assets.get("contrast")
    if contrast is not None:
        data = dict(contrast) if isinstance(contrast, dict) else {"min": contrast}
        data = {"level": "warning", "reason": _CONTRAST_REASON, **data}
        wanted.append((("assets", "contrast"), f"{name}.contrast", "contrast", data))
    if isinstance(assets.get("fonts"), dict):
        data = {"level": "error", "reason": _FONTS_REASON, **assets["fonts"]}
        wanted.append((("assets", "fonts"), f"{name}.fonts", "fonts", data))
    purposes: list[tuple[Where, str, str, Any]] = [
        (("assets", "logos"), f"{name}.logos", "logo", assets.get("logos"))
    ]
    for purpose, entry in (assets.get("images") or {}).items():
        purposes.append(
            (("assets", "images", purpose), f"{name}.images.{slug(purpose)}", purpose, entry)
        )
    for at, rule_id, purpose, entry in purposes:
        if isinstance(entry, dict):
            data = {
                "level": "error" if purpose == "logo" else "warning",
                "reason": f"The guide's specs for {purpose} images: format, size, width.",
                **entry,
            }
            wanted.append((at, rule_id, "image_specs", {"purpose": purpose, **data}))
    found = (source.rule(at, data, rule_id, kind) for at, rule_id, kind, data in wanted)
    return [spec for spec in found if spec is not None]

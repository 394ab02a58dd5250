"""A part's views are found at their place in the whole document, as rules look up the
view of a phrase hit (`ctx.views[hit.view]`), and a released doc is made again on demand."""

from __future__ import annotations

import pytest

from brandlint.core.document import Block
from brandlint.core.rule import BlockView, PartViews


def _views(count: int) -> list[BlockView]:
    return [
        BlockView(Block(i * 10, i * 10 + 8, frozenset({"paragraph"})), None, i, "Buy now.")
        for i in range(count)
    ]


def test_a_view_is_found_at_its_index_in_the_document() -> None:
    views = _views(8)
    part = PartViews(views[3:6])
    assert len(part) == 3
    assert [view.index for view in part] == [3, 4, 5]
    assert part[4] is views[4]


@pytest.mark.parametrize("index", [2, 6, -1])
def test_a_view_outside_the_part_is_not_found(index: int) -> None:
    part = PartViews(_views(8)[3:6])
    with pytest.raises(IndexError, match=f"block {index} is not in this part"):
        _ = part[index]


def test_a_released_doc_is_made_again_and_kept() -> None:
    made: list[int] = []

    def remake(view: BlockView) -> object:
        made.append(view.index)
        return f"doc of {view.text}"

    view = BlockView(Block(0, 8, frozenset({"paragraph"})), None, 0, "Buy now.", remake)  # type: ignore[arg-type]
    assert view.doc == "doc of Buy now."
    assert view.doc == "doc of Buy now."
    view.release()
    assert view.doc == "doc of Buy now."
    assert made == [0, 0]


def test_a_view_with_no_doc_and_no_way_to_make_one_says_so() -> None:
    view = _views(1)[0]
    with pytest.raises(ValueError, match="block 0 has no doc and no way to make one"):
        _ = view.doc

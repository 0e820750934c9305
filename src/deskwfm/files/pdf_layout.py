"""Streaming page layout on a bare canvas: what the PDF writers share.

reportlab's ``DocTemplate.build`` wants the whole story up front and only knows page totals
after a second full pass. A timesheet needs "Page x of y" *within one employee*, so each
employee's story is laid out into pages first (wrap/split, as a Frame would), then drawn,
then dropped: memory holds one employee's flowables at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Frame:
    """The printable area of a page in points: left, bottom, width, height."""

    x: float
    y: float
    width: float
    height: float


Placed = tuple[Flowable, float]  # flowable (wrapped) and the y of its bottom edge


class Stack(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Flowables drawn one under the other and never split: a block that stays together
    (pay summary and signature lines) unless it is taller than a whole page."""

    def __init__(self, items: Sequence[Flowable]) -> None:
        super().__init__()
        self._items = list(items)
        self._heights: list[float] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._heights = [f.wrap(aw, 1e9)[1] for f in self._items]
        self.width, self.height = aw, sum(self._heights)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        y = self.height
        for f, h in zip(self._items, self._heights, strict=True):
            y -= h
            f.drawOn(self.canv, 0, y)


def paginate(story: Sequence[Flowable], frame: Frame, first_top_skip: float = 0.0) -> list[list[Placed]]:
    """Lay a story out into pages of ``frame``; nothing is drawn yet.

    ``first_top_skip`` reserves space at the top of every page after the first (a running
    header drawn by the caller). A flowable taller than a page that cannot split is placed
    alone on its page (and clipped) rather than looping forever.
    """
    pages: list[list[Placed]] = []
    cur: list[Placed] = []
    top = frame.y + frame.height
    avail = frame.height
    queue: deque[Flowable] = deque(story)

    def new_page() -> None:
        nonlocal cur, top, avail
        pages.append(cur)
        cur = []
        top = frame.y + frame.height - first_top_skip
        avail = frame.height - first_top_skip

    while queue:
        f = queue.popleft()
        if not cur and isinstance(f, Spacer):
            continue  # no blank space at the top of a page
        _, h = f.wrap(frame.width, avail)
        if h <= avail + _EPS:
            top -= h
            avail -= h
            cur.append((f, top))
            continue
        parts = f.split(frame.width, avail) if avail > 0 else []
        if parts:
            first = parts[0]
            _, h = first.wrap(frame.width, avail)
            top -= h
            cur.append((first, top))
            queue.extendleft(reversed(parts[1:]))
            new_page()
        elif cur:
            queue.appendleft(f)
            new_page()
        else:  # taller than a page and unsplittable
            cur.append((f, top - h))
            new_page()
    if cur or not pages:
        pages.append(cur)
    return pages


def draw_pages(
    c: Canvas,
    pages: Sequence[Sequence[Placed]],
    frame: Frame,
    decorate: Callable[[Canvas, int, int], None],
) -> None:
    """Draw laid-out pages; ``decorate(canvas, page_no, page_count)`` adds headers/footers."""
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        decorate(c, i, n)
        for f, y in page:
            f.drawOn(c, frame.x, y)
        c.showPage()

"""The printable schedule: the grid as a landscape wall chart.

Rows are employees grouped by team (a team heading, its people, then how many of them are on
shift each day), columns are days; each cell shows the shift code or its times on the code's
colour. Long ranges are cut into blocks of at most a month of columns; tall teams flow onto
more pages, repeating the day headings. A legend of codes and the range's holidays ends it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from deskwfm.core.i18n import format_datetime, format_day, render, tr, weekday_abbr
from deskwfm.core.messages import msg
from deskwfm.core.model import KIND_LABELS, Employee, Shift, ShiftCode, ShiftKind
from deskwfm.core.periods import days as days_between
from deskwfm.core.site import SiteSettings
from deskwfm.files.pdf_blocks import GREY, TextLine
from deskwfm.files.pdf_coverage import CoverageInput, CoverageWeek, coverage_weeks, week_title
from deskwfm.files.pdf_fonts import FONT, draw_runs, fit, register_fonts
from deskwfm.files.pdf_grid import Column, Grid, GridStyle, Row, RowStyle
from deskwfm.files.pdf_layout import Frame, draw_pages, paginate

MARGIN = 28.0
NAME_WIDTH = 140.0
MAX_DAYS_PER_PAGE = 31
PLAIN_WORK = colors.HexColor("#e8eef7")
HOLIDAY = colors.HexColor("#fde9c8")


def _hex(colour: str) -> Color | None:
    try:
        return colors.HexColor(colour)
    except (ValueError, TypeError):
        return None


def _hm(t: time) -> str:
    return f"{t.hour}" if t.minute == 0 else f"{t.hour}:{t.minute:02d}"


def cell_text(shift: Shift) -> str:
    """What a chart cell shows: the code, else compact times on two lines ("9–" over "17:30")."""
    if shift.code:
        return shift.code
    if shift.start is None or shift.end is None:
        return shift.kind.value.replace("_", " ")
    return f"{_hm(shift.start)}–\n{_hm(shift.end)}"


def day_blocks(all_days: Sequence[date]) -> list[list[date]]:
    """Cut the range into even blocks of at most a month of columns."""
    n = len(all_days)
    blocks = max(1, math.ceil(n / MAX_DAYS_PER_PAGE))
    size = math.ceil(n / blocks)
    return [list(all_days[i:i + size]) for i in range(0, n, size)]


def _legend(
    codes: Mapping[str, ShiftCode], holidays: Mapping[date, str], start: date, end: date
) -> list[Flowable]:
    items = []
    for code in sorted(codes.values(), key=lambda c: c.code):
        if code.kind is ShiftKind.OFF:
            continue
        times = f" {code.start:%H:%M}–{code.end:%H:%M}" if code.start and code.end else ""
        items.append(Row("legend", (code.code, f"{code.label or render(KIND_LABELS[code.kind])}{times}"),
                         fills=(_hex(code.colour), None)))
    out: list[Flowable] = [Spacer(1, 10)]
    if items:
        style = GridStyle(font_size=7, row_height=10.5, header_fill=None)
        cols = [Column(tr("Code"), 40, "center"), Column(tr("Meaning"), 220, wrap=True)]
        out.append(Grid(cols, items, style))
    hol = [f"{format_day(d)} {name}" for d, name in sorted(holidays.items()) if start <= d <= end]
    if hol:
        out.append(Spacer(1, 6))
        out.append(TextLine(render(msg("Holidays: {names}", names="; ".join(hol))), 7.5))
    return out


def schedule_story(
    employees: Sequence[Employee],
    codes: Mapping[str, ShiftCode],
    shifts: Sequence[Shift],
    holidays: Mapping[date, str],
    block: Sequence[date],
    width: float,
) -> Grid:
    by_cell: dict[tuple[str, date], list[Shift]] = defaultdict(list)
    for s in shifts:
        by_cell[(s.employee_code, s.work_date)].append(s)
    day_w = (width - NAME_WIDTH - 34) / len(block)
    cols = [Column(tr("Employee"), NAME_WIDTH, wrap=True)]
    cols += [
        Column(f"{weekday_abbr(d)}\n{d:%d}" + (" ★" if d in holidays else ""), day_w, "center", wrap=True)
        for d in block
    ]
    cols.append(Column(tr("Shifts"), 34, "right"))
    teams: dict[str, list[Employee]] = defaultdict(list)
    for e in employees:
        teams[e.team or tr("No team")].append(e)
    rows: list[Row] = []
    total = [0] * len(block)
    for team, members in teams.items():
        rows.append(Row("team", (f"{team} ({len(members)})", *[""] * (len(block) + 1)), span=len(block) + 2))
        counts = [0] * len(block)
        for e in members:
            cells, fills = [f"{e.code}  {e.name}"], [None]
            n = 0
            for i, d in enumerate(block):
                here = by_cell.get((e.code, d), [])
                cells.append(" ".join(cell_text(s) for s in here))
                fill: Color | None = HOLIDAY if d in holidays else None
                if here:
                    code = codes.get(here[0].code.upper()) if here[0].code else None
                    fill = _hex(code.colour) if code is not None else PLAIN_WORK
                if any(s.kind is ShiftKind.WORK and s.has_times for s in here):
                    counts[i] += 1
                    n += 1
                fills.append(fill)
            cells.append(str(n))
            fills.append(None)
            rows.append(Row("person", tuple(cells), fills=tuple(fills)))
        rows.append(Row("count", (tr("On shift"), *[str(c) for c in counts], str(sum(counts)))))
        total = [a + b for a, b in zip(total, counts, strict=True)]
    rows.append(Row("total", (tr("All teams on shift"), *[str(c) for c in total], str(sum(total)))))
    style = GridStyle(
        font_size=7,
        header_size=6.5,
        row_height=11,
        pad=1.2,
        max_lines=2,
        kinds={
            "team": RowStyle(bold=True, fill=colors.HexColor("#dde3ec"), rule_above=0.8),
            "count": RowStyle(bold=True, fill=colors.HexColor("#f3f3f3")),
            "total": RowStyle(bold=True, rule_above=0.8, rule_below=0.8),
        },
    )
    return Grid(cols, rows, style)


def write_schedule_chart(
    target: str | Path | BinaryIO,
    site: SiteSettings,
    employees: Sequence[Employee],
    codes: Mapping[str, ShiftCode],
    shifts: Sequence[Shift],
    holidays: Mapping[date, str],
    start: date,
    end: date,
    generated: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    coverage: CoverageInput | None = None,
) -> int:
    """Write the wall chart; returns the page count. ``progress(done, total)`` is called
    before and after each block of days (it may raise to stop; the caller discards the file).
    With ``coverage`` that has a forecast, the chart ends with a coverage page per work week
    (``files.pdf_coverage``)."""
    register_fonts()
    rl_config.useA85 = 0
    pagesize = landscape(LETTER)
    w, h = pagesize
    frame = Frame(MARGIN, MARGIN + 8, w - 2 * MARGIN, h - 2 * MARGIN - 8)
    c = Canvas(str(target) if isinstance(target, Path) else target, pagesize=pagesize, pageCompression=1)
    c.setTitle(render(msg("Schedule {a:date} to {b:date}", a=start, b=end)))
    c.setAuthor(site.name)
    c.setCreator("deskwfm")
    when = generated or datetime.now(ZoneInfo(site.tz))
    stamp = render(msg("{site} · generated {when}", site=site.name,
                       when=f"{format_datetime(when)} {when.tzname() or ''}".strip()))
    blocks = day_blocks(days_between(start, end))
    # Every block is laid out first, so each page can say "Page x of y" of the whole chart.
    laid_out = []
    for bi, block in enumerate(blocks):
        if progress is not None:
            progress(bi, len(blocks))
        title = render(msg("Schedule {a:day} to {b:day} · {site}", a=block[0], b=block[-1], site=site.name))
        story: list[Flowable] = [TextLine(title, 13, bold=True, space_after=6),
                                 schedule_story(employees, codes, shifts, holidays, block, frame.width)]
        if bi == len(blocks) - 1:
            story += _legend(codes, holidays, start, end)
        laid_out.append((title, paginate(story, frame, first_top_skip=16)))
    with_coverage = coverage is not None and coverage.has_forecast
    coverage_pages = len(list(coverage_weeks(coverage))) if coverage is not None and with_coverage else 0
    all_pages = sum(len(pages) for _title, pages in laid_out) + coverage_pages
    pages_done = 0
    for title, pages in laid_out:

        def decorate(cv: Canvas, page: int, total: int, title: str = title, first: int = pages_done) -> None:
            cv.setFillColor(GREY)
            if page > 1:
                text, size = fit(render(msg("{title} · continued", title=title)), FONT, 8, frame.width)
                draw_runs(cv, MARGIN, frame.y + frame.height - 9, text, FONT, size)
            text, size = fit(stamp, FONT, 7, frame.width - 90)
            draw_runs(cv, MARGIN, MARGIN - 2, text, FONT, size)
            cv.setFont(FONT, 7)
            number = render(msg("Page {n} of {total}", n=first + page, total=all_pages))
            cv.drawRightString(w - MARGIN, MARGIN - 2, number)
            cv.setFillColor(colors.black)

        draw_pages(c, pages, frame, decorate)
        pages_done += len(pages)
    if coverage is not None and with_coverage:
        pages_done += _coverage_pages(c, coverage, frame, stamp, pages_done, all_pages)
    if progress is not None:
        progress(len(blocks), len(blocks))
    c.save()
    return pages_done


def _coverage_pages(c: Canvas, coverage: CoverageInput, frame: Frame, stamp: str, first: int,
                    all_pages: int) -> int:
    """A page per work week with a forecast: its title and its ``CoverageWeek``."""
    title_size = 13.0
    pages: list[list[tuple[Flowable, float]]] = []
    for _, days in coverage_weeks(coverage):
        title = TextLine(week_title(days, coverage.targets), title_size, bold=True, space_after=6)
        _, th = title.wrap(frame.width, frame.height)
        week = CoverageWeek(days, coverage.targets, frame.height - th - 4)
        week.wrap(frame.width, frame.height)
        top = frame.y + frame.height
        pages.append([(title, top - th), (week, frame.y)])

    def decorate(cv: Canvas, page: int, total: int) -> None:
        cv.setFillColor(GREY)
        text, size = fit(stamp, FONT, 7, frame.width - 90)
        draw_runs(cv, MARGIN, MARGIN - 2, text, FONT, size)
        cv.setFont(FONT, 7)
        number = render(msg("Page {n} of {total}", n=first + page, total=all_pages))
        cv.drawRightString(frame.x + frame.width, MARGIN - 2, number)
        cv.setFillColor(colors.black)

    draw_pages(c, pages, frame, decorate)
    return len(pages)

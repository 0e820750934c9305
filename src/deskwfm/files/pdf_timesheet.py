"""PDF timesheets: one per employee, ready to sign.

Every number printed here is read from the payroll engine's ``EmployeePay``: the shift table
from ``core.timesheet`` (one row per shift, weekly subtotals that are the sums of their rows),
the pay block from the structured fields of each ``PayLine`` (category, minutes, rate,
amount; never its English description), printed at the precision used so each line
multiplies out. The range is headed "Pay period" only when it is one of the site's periods.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from deskwfm.core.i18n import format_money, render, tr
from deskwfm.core.messages import msg
from deskwfm.core.pay_range import PayRange
from deskwfm.core.payroll import EmployeePay
from deskwfm.core.timesheet import timesheet_weeks
from deskwfm.files.pay_text import hour_columns, legend, pay_line_cells
from deskwfm.files.pdf_actual import ActualSection, actual_block, sign_off
from deskwfm.files.pdf_blocks import Fields, SignatureLines, TextLine
from deskwfm.files.pdf_fonts import FONT, draw_runs, fit, register_fonts
from deskwfm.files.pdf_grid import Column, Grid, GridStyle, Row, RowStyle
from deskwfm.files.pdf_layout import Frame, Stack, draw_pages, paginate
from deskwfm.files.pdf_timesheet_table import FONT_SIZE, shift_table

MARGIN = 36.0  # half an inch
GREY = colors.HexColor("#555555")
_RUNNING_HEADER = 16.0


@dataclass(frozen=True, slots=True)
class TimesheetContext:
    """What every timesheet of one print run shares."""

    site_name: str
    tz: str
    week_start: int  # date.weekday() of the first day of the work week
    currency: str = "$"
    generated: datetime | None = None  # aware; default: now in the site's zone
    pay_period: bool = True  # False: the range printed is not one of the site's pay periods
    # Sign-off: a locked pay period prints who approved and locked it; anything else is a DRAFT
    # (stamped across every page). ``signoffs``: employee code -> the line printed under the title.
    draft: bool = True
    signoffs: Mapping[str, str] = field(default_factory=dict)

    def generated_text(self) -> str:
        when = self.generated or datetime.now(ZoneInfo(self.tz))
        return f"{when:%Y-%m-%d %H:%M} {when.tzname() or ''}".strip()


def money(amount: Decimal, currency: str) -> str:
    return format_money(amount, currency)


def _header_block(ep: EmployeePay, ctx: TimesheetContext) -> list[Flowable]:
    e = ep.employee
    rng = PayRange(ep.start, ep.end, ctx.pay_period)
    signoff = ctx.signoffs.get(e.code, "")
    return [
        TextLine(render(msg("Timesheet · {site}", site=ctx.site_name)), 14, bold=True, space_after=4),
        Fields([(tr("Employee"), e.name, 0.36), (tr("Code"), e.code, 0.12), (tr("Team"), e.team or "—", 0.16),
                (render(rng.heading()), render(rng.dates()), 0.36)]),
        *([TextLine(signoff, 8, space_after=0, color=DRAFT_RED if ctx.draft else GREY)] if signoff else []),
        Spacer(1, 8),
    ]


def _rates_text(ep: EmployeePay, ctx: TimesheetContext) -> str:
    rates = sorted(ep.rates, key=lambda r: r.effective_from)
    if not rates:
        return tr("Rate in force: none on file")
    parts = [render(msg("{r:rate}/h from {d:date}", r=r.hourly, d=r.effective_from), currency=ctx.currency)
             for r in rates]
    label = tr("Rate in force:") if len(rates) == 1 else tr("Rates in force:")
    return f"{label} {'; '.join(parts)}"


def _pay_block(ep: EmployeePay, ctx: TimesheetContext, width: float) -> list[Flowable]:
    cur = ctx.currency
    rows = [Row("line", pay_line_cells(ln, cur)) for ln in ep.lines]
    rows.append(Row("gross", (tr("Gross pay"), "", "", format_money(ep.gross, cur))))
    cols = [Column(tr("Pay"), width - 250, wrap=True), Column(tr("Hours"), 60, "right"),
            Column(tr("Rate"), 90, "right"), Column(tr("Amount"), 100, "right")]
    style = GridStyle(font_size=FONT_SIZE, kinds={"gross": RowStyle(bold=True, rule_above=0.8)})
    return [
        Spacer(1, 8),
        TextLine(_rates_text(ep, ctx), FONT_SIZE, space_after=3),
        Grid(cols, rows, style),
    ]


def timesheet_story(
    ep: EmployeePay, ctx: TimesheetContext, width: float, actual: ActualSection | None = None
) -> list[Flowable]:
    """The flowables of one employee's timesheet (with ``actual``: scheduled and actual time side
    by side, ``files.pdf_actual``)."""
    weeks = timesheet_weeks(ep, ctx.week_start)
    return [
        *_header_block(ep, ctx),
        shift_table(weeks, ep.minutes, ctx.tz, width, ctx.pay_period),
        TextLine(legend(hour_columns(ep.minutes)), 6.5, space_after=0, color=GREY),
        *(actual_block(actual, width) if actual is not None else []),
        Stack([*_pay_block(ep, ctx, width), *sign_off(actual),
               SignatureLines((tr("Employee signature"), tr("Supervisor signature")))]),
    ]


DRAFT_RED = colors.Color(0.72, 0.12, 0.12)


def _draft_stamp(c: Canvas, pagesize: tuple[float, float]) -> None:
    """A red "DRAFT" box in the top margin of every page: the pay period is not locked, so the
    figures can still change and must not be signed as final. (Kept out of the page body so it
    never mixes into the text a clerk copies or a reader extracts.)"""
    w, h = pagesize
    text = tr("DRAFT")
    size = 12
    width = c.stringWidth(text, FONT, size) + 16
    x, y = w - MARGIN - width, h - MARGIN + 6
    c.saveState()
    c.setStrokeColor(DRAFT_RED)
    c.setFillColor(DRAFT_RED)
    c.setLineWidth(1.2)
    c.roundRect(x, y, width, size + 8, 3, stroke=1, fill=0)
    c.setFont(FONT, size)
    c.drawCentredString(x + width / 2, y + 5, text)
    c.restoreState()


class TimesheetWriter:
    """Write timesheets one employee at a time into one PDF (each starts on a new page).

    Use as a context manager; ``add`` returns the number of pages that employee took.
    The file is complete only after ``close`` (callers write to a temp file and rename).
    """

    def __init__(self, target: str | Path | BinaryIO, ctx: TimesheetContext,
                 pagesize: tuple[float, float] = LETTER, title: str = "Timesheets") -> None:
        register_fonts()
        rl_config.useA85 = 0  # binary (zlib) streams: ASCII85 would cost a third of the run time
        self.ctx = ctx
        self.pagesize = pagesize
        w, h = pagesize
        self.frame = Frame(MARGIN, MARGIN + 10, w - 2 * MARGIN, h - 2 * MARGIN - 10)
        self.canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=pagesize,
                             pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(ctx.site_name)
        self.canvas.setCreator("deskwfm")
        self.generated = ctx.generated_text()
        self.pages = 0
        self.count = 0

    def add(self, ep: EmployeePay, actual: ActualSection | None = None) -> int:
        story = timesheet_story(ep, self.ctx, self.frame.width, actual)
        pages = paginate(story, self.frame, first_top_skip=_RUNNING_HEADER)
        e = ep.employee
        heading = render(msg("{name} ({code}) · {a:date} to {b:date} · continued", name=e.name, code=e.code,
                             a=ep.start, b=ep.end))

        def decorate(c: Canvas, page: int, total: int) -> None:
            w, _ = self.pagesize
            c.setFillColor(GREY)
            if page > 1:
                text, size = fit(heading, FONT, 8, self.frame.width)
                draw_runs(c, MARGIN, self.frame.y + self.frame.height - 9, text, FONT, size)
            c.setFont(FONT, 7)
            stamp = render(msg("{site} · generated {when}", site=self.ctx.site_name, when=self.generated))
            left, size = fit(stamp, FONT, 7, self.frame.width - 90)
            draw_runs(c, MARGIN, MARGIN - 4, left, FONT, size)
            c.setFont(FONT, 7)
            c.drawRightString(w - MARGIN, MARGIN - 4, render(msg("Page {n} of {total}", n=page, total=total)))
            if self.ctx.draft:
                _draft_stamp(c, self.pagesize)
            c.setFillColor(colors.black)

        draw_pages(self.canvas, pages, self.frame, decorate)
        self.pages += len(pages)
        self.count += 1
        return len(pages)

    def close(self) -> None:
        if self.count == 0:  # an empty PDF is not a valid document: say so on its one page
            self.canvas.setFont(FONT, 10)
            self.canvas.drawString(MARGIN, self.pagesize[1] - MARGIN - 10, tr("No employees to print."))
            self.canvas.showPage()
        self.canvas.save()

    def __enter__(self) -> TimesheetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()

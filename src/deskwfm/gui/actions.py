"""The main window's menus and their shortcuts; each action calls one slot of the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from deskwfm.core.i18n import tr
from deskwfm.gui.language import add_language_menu
from deskwfm.gui.view_range import ViewKind

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow

_Key = QKeySequence.StandardKey


@dataclass
class Actions:
    undo: QAction
    redo: QAction
    copy: QAction
    paste: QAction
    clear: QAction
    fill_down: QAction
    fill_right: QAction
    note: QAction
    remove_note: QAction
    history: QAction
    find: QAction
    copy_week: QAction
    views: dict[ViewKind, QAction]
    recent_menu: QMenu
    coverage: QAction  # View → Coverage chart (checkable)
    auto_schedule: QAction


def _act(
    win: MainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | _Key | str | None = None,
    tip: str = "",
) -> QAction:
    act = QAction(text, win)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    if tip:
        act.setStatusTip(tip)
    act.triggered.connect(lambda _=False: slot())
    menu.addAction(act)
    return act


def build_menus(win: MainWindow) -> Actions:
    bar = win.menuBar()
    f = bar.addMenu(tr("&File"))
    _act(win, f, tr("&New database…"), win.new_database, _Key.New, tr("Create an empty centre in a new file"))
    _act(win, f, tr("&Open…"), win.open_database, _Key.Open, tr("Open another database"))
    recent = f.addMenu(tr("Open &recent"))
    recent.setObjectName("recentMenu")
    recent.aboutToShow.connect(win.fill_recent_menu)
    f.addSeparator()
    _act(win, f, tr("&Import workbook…"), win.import_workbook, "Ctrl+I",
        tr("Import employees and shifts from Excel"))
    _act(win, f, tr("Import &forecast…"), win.import_forecast, None, tr("Calls per interval (.xlsx or .csv)"))
    _act(win, f, tr("Import &actual time…"), win.import_actual_time, None,
         tr("Login and logout times from the phone system or time clock (.csv or .xlsx)"))
    export = f.addMenu(tr("&Export"))
    _act(win, export, tr("&Schedule…"), win.export_schedule, None,
        tr("The shown range as a printable workbook"))
    _act(win, export, tr("&Payroll…"), win.export_payroll, None,
        tr("Pay totals of a pay period (payroll system)"))
    _act(win, f, tr("&Print timesheets…"), win.print_timesheets, _Key.Print,
         tr("One timesheet per employee for a pay period: preview, print or save as PDF"))
    _act(win, f, tr("Print sc&hedule…"), win.print_schedule, "Ctrl+Shift+P",
         tr("The schedule as a wall chart: preview, print or save as PDF"))
    f.addSeparator()
    _act(win, f, tr("&Back up…"), win.backup_database, "Ctrl+Shift+B",
        tr("Save a consistent copy of the database"))
    f.addSeparator()
    _act(win, f, tr("&Quit"), win.close, _Key.Quit)

    e = bar.addMenu(tr("&Edit"))
    undo = win.session.undo_stack.createUndoAction(win, tr("&Undo"))
    undo.setShortcut(QKeySequence(_Key.Undo))
    redo = win.session.undo_stack.createRedoAction(win, tr("&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    e.addAction(undo)
    e.addAction(redo)
    e.addSeparator()
    copy = _act(win, e, tr("&Copy"), win.copy_cells, _Key.Copy,
        tr("Copy the selection as tab-separated text"))
    paste = _act(
        win, e, tr("&Paste"), win.paste_cells, _Key.Paste, tr("Paste tab-separated text (Excel, LibreOffice)")
    )
    clear = _act(win, e, tr("C&lear"), win.clear_cells, None, tr("Clear the selected cells (Delete)"))
    e.addSeparator()
    fill_down = _act(win, e, tr("Fill &down"), win.fill_down, "Ctrl+D",
        tr("Copy the top row of the selection down"))
    fill_right = _act(
        win, e, tr("Fill r&ight"), win.fill_right, "Ctrl+R", tr("Copy the left column of the selection right")
    )
    e.addAction(win.mode_bar.confirm_action)
    e.addSeparator()
    note = _act(
        win, e, tr("&Note…"), win.edit_note, "Shift+F2", tr("Write a note on the current cell's shift")
    )
    remove_note = _act(
        win, e, tr("Remo&ve note"), win.remove_note, None, tr("Remove the current cell's note")
    )
    history = _act(
        win, e, tr("Cell &history…"), win.show_history, None, tr("Every recorded change of the current cell")
    )
    e.addSeparator()
    find = _act(
        win, e, tr("&Find employee…"), win.find_employee, _Key.Find, tr("Find an employee by code or name")
    )
    _act(win, e, tr("Select &all"), win.grid.table.selectAll, _Key.SelectAll)

    v = bar.addMenu(tr("&View"))
    group = QActionGroup(win)
    views: dict[ViewKind, QAction] = {}
    for i, kind in enumerate(ViewKind):
        act = _act(win, v, kind.label, partial(win.set_view, kind), f"Ctrl+{i + 1}")
        act.setCheckable(True)
        group.addAction(act)
        views[kind] = act
    v.addSeparator()
    win.mode_bar.add_to_menu(v)
    v.addAction(win.exceptions_dock.toggle_action)
    v.addSeparator()
    v.addAction(win.nav.prev_action)
    v.addAction(win.nav.today_action)
    v.addAction(win.nav.next_action)
    v.addSeparator()
    v.addAction(win.code_bar.toggleViewAction())
    coverage = QAction(tr("Co&verage chart"), win)
    coverage.setCheckable(True)
    coverage.setShortcut(QKeySequence("Ctrl+Shift+G"))
    coverage.setStatusTip(tr("Agents required vs scheduled per interval, for the current day and its week"))
    coverage.toggled.connect(win.toggle_coverage)
    v.addAction(coverage)

    s = bar.addMenu(tr("&Schedule"))
    copy_week = _act(
        win,
        s,
        tr("Copy &week to next week…"),
        win.copy_week,
        "Ctrl+Shift+W",
        tr("Copy the week of the current cell onto the following week, for the people shown"),
    )
    auto = _act(win, s, tr("&Auto-schedule…"), win.auto_schedule, "Ctrl+Shift+U",
                tr("Fill empty cells with shifts that cover the call forecast within the rules"))
    pay = bar.addMenu(tr("&Payroll"))
    _act(win, pay, tr("Pay &periods and approval…"), win.open_payroll, "Ctrl+Shift+A",
         tr("Approve, lock and unlock pay periods; print and export them"))
    _act(win, pay, tr("&Audit trail…"), win.open_audit, None, tr("Who changed what, when and how"))
    st = bar.addMenu(tr("Se&ttings"))  # Alt+T: Alt+E is the Edit menu
    _act(win, st, tr("&Employees…"), win.edit_employees, None,
        tr("Add, edit, deactivate employees and their rates"))
    _act(win, st, tr("Shift &codes…"), win.edit_codes, None,
        tr("Shift codes, their times, breaks and colours"))
    _act(
        win, st, tr("&Site settings…"), win.edit_site, None,
            tr("Rules, time zone, week start, pay period, holidays")
    )
    add_language_menu(win, st)
    h = bar.addMenu(tr("&Help"))
    _act(win, h, tr("&About deskwfm"), win.show_about)
    return Actions(
        undo, redo, copy, paste, clear, fill_down, fill_right, note, remove_note, history, find, copy_week,
        views, recent, coverage=coverage, auto_schedule=auto,
    )

"""The totals beside the grid in the Actual and Variance views (no Qt).

When the site pays actual time, each row is priced by ``core.pay_basis.employee_pay`` — the
function the payroll service, the payroll screen and ``deskwfm payroll`` use — from the same
inputs: the schedule and actual time over the payroll service's window
(``services.actual_pay.actual_pay_inputs``), with the grid's own cells (schedule of its load
window, actual time of the shown days) taking the place of what was read, so an entry typed,
confirmed or imported shows in its row's totals at once. The payroll engine and its rules (whole
weeks, the holiday-pay window around each holiday) come with that function; nothing is priced here.

When the site pays the schedule, payroll pays the plan: the pay columns keep the plan's figures
and only the worked hours are as recorded (``TotalsBasis.RECORDED``).
"""

from __future__ import annotations

from datetime import date

from deskwfm.core.actual import ActualDay
from deskwfm.core.model import Shift
from deskwfm.core.pay_basis import employee_pay
from deskwfm.core.timekeeping import PayBasis
from deskwfm.gui.actual_state import ActualLayer
from deskwfm.gui.grid_state import GridState, RowPricer, RowTotals, TotalsBasis
from deskwfm.services.actual_pay import ActualPayInputs


def totals_basis(state: GridState, shows_actual: bool) -> TotalsBasis:
    """The totals a view shows: the plan in the Schedule view; in the Actual and Variance views,
    what the site's payroll pays."""
    if not shows_actual:
        return TotalsBasis.SCHEDULE
    if state.site.timekeeping.pay_basis is PayBasis.ACTUAL:
        return TotalsBasis.ACTUAL
    return TotalsBasis.RECORDED


class ActualPricer:
    """Each row's pay from its actual time, as the payroll service computes it."""

    def __init__(self, layer: ActualLayer, inputs: ActualPayInputs) -> None:
        self.layer = layer
        st = layer.state
        self._inputs = inputs
        own_from, own_to = st.data.load_from, st.data.load_to  # the grid's schedule
        first, last = st.days[0], st.days[-1]  # the layer's actual time
        self._shifts: dict[str, list[Shift]] = {}
        for s in inputs.shifts:
            if not own_from <= s.work_date <= own_to:
                self._shifts.setdefault(s.employee_code, []).append(s)
        self._actual: dict[str, list[ActualDay]] = {}
        for d in inputs.actual:
            if not first <= d.work_date <= last:
                self._actual.setdefault(d.employee_code, []).append(d)

    def __call__(self, row: int) -> RowTotals:
        layer, st, inputs = self.layer, self.layer.state, self._inputs
        emp = st.employees[row]
        code = emp.code
        lo, hi = inputs.first, inputs.last
        shifts = [s for d, s in st.cells[code].items() if lo <= d <= hi]
        shifts.extend(self._shifts.get(code, ()))
        shifts.sort(key=_work_date)
        actual = [*layer.days.get(code, {}).values(), *self._actual.get(code, ())]
        actual.sort(key=_work_date)
        pay, _lost = employee_pay(
            st.site, emp, st.data.rates.get(code, []), shifts, actual, layer.codes,
            st.data.start, st.data.end, inputs.holidays, layer.now,
        )
        return RowTotals.of(pay)


def recorded_pricer(layer: ActualLayer) -> RowPricer:
    """The plan's totals with the worked hours as recorded (the site pays the schedule)."""
    state = layer.state

    def price(row: int) -> RowTotals:
        worked = sum(cell.worked_minutes for cell in layer.row(row).values())
        return state.planned_totals(row).with_worked(worked)

    return price


def _work_date(x: Shift | ActualDay) -> date:
    return x.work_date

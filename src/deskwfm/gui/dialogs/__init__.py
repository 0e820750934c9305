"""The schedule window's dialogs: employees and rates, shift codes, site settings.

Each is a self-contained QDialog over one Workspace that calls only services;
``exec()`` returns Accepted when anything was written, so the caller reloads.
"""

from deskwfm.gui.dialogs.employees import EmployeesDialog
from deskwfm.gui.dialogs.shift_codes import ShiftCodesDialog
from deskwfm.gui.dialogs.site_settings import SiteSettingsDialog

__all__ = ["EmployeesDialog", "ShiftCodesDialog", "SiteSettingsDialog"]

"""deskwfm: contact-centre scheduling and payroll-sheet desktop program."""

__version__ = "0.1.0"

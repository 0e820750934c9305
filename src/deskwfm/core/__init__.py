"""Pure-Python domain: model, entry parser, time maths, pay rules, payroll.

Nothing in this package may import Qt, SQLAlchemy, openpyxl or reportlab
(tests/core/test_import_rule.py enforces it).
"""

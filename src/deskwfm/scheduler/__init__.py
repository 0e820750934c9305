"""The automatic scheduler: proposes shifts that cover the forecast within the site's rules.

Pure Python plus OR-Tools CP-SAT: no Qt, no SQL, no files. It sits above ``core`` (whose rules,
coverage and warnings it uses, so a proposal is judged exactly as the grid judges a hand-made
schedule) and below ``services`` (which loads a ``Problem`` from the database and writes an
accepted proposal as one change set). Importing this package is cheap; OR-Tools (about a second
of imports: numpy and pandas come with it) loads only when a solve starts, so start-up of the
window and of the command line does not pay for it.

Modules: ``problem`` (the input), ``options`` (shift shapes placed on days, with their break
windows and coverage), ``coverage_model`` (the CP-SAT coverage objective shared by both stages),
``sizing`` (stage one: how many shifts of each shape to start each day - also the lower bound on
under-coverage), ``rostering`` (stage two: who works them, week by week, under the rules),
``proposal`` (the result and its soft-rule costs), ``engine`` (runs the stages with progress,
cancel and a time limit), ``greedy`` (a simple baseline for the benchmark).
"""

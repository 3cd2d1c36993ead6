"""What every exercise checker shares: the verdicts and how they are printed.

Each ``check_...`` function takes what the reader wrote (a function or a
value) and prints one line: "not attempted yet", "correct", or a hint aimed
at the usual mistake. It returns nothing, so a notebook cell shows only that
line. A checker never raises because of the reader's answer: an exception in
the reader's code is reported as a hint.
"""

import contextlib
import io

import numpy as np

NOT_ATTEMPTED = "not attempted yet"
CORRECT = "correct"


def report(exercise, verdict):
    print(f"Exercise {exercise}: {verdict}")


def check_parts(exercise, *checks):
    """Run the checks of an exercise's parts: one line "correct" if every part is, else each verdict."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for check in checks:
            check()
    verdicts = printed.getvalue().splitlines()
    if verdicts and all(verdict.endswith(f": {CORRECT}") for verdict in verdicts):
        return report(exercise, CORRECT)
    print(printed.getvalue(), end="")
    return None


def call(func, *args):
    """Call the reader's function; return (result, None) or (None, hint)."""
    try:
        return func(*args), None
    except Exception as error:  # the reader's code: report, never crash the checker
        return None, f"your function raised {type(error).__name__}: {error}"


def significant_digits(value):
    """How many significant digits ``value`` carries as written: 0.161 -> 3, 1.60 -> 2, 1365.0 -> 4.

    A float keeps no trailing zeros, so 1.60 reads as 1.6; the rule below gives every answer at
    least 3 digits' credit, which makes 1.60 and 1.6 the same answer.
    """
    mantissa = repr(abs(float(value))).split("e")[0].replace(".", "")
    return max(len(mantissa.strip("0")), 1)


def agrees(value, expected, digits):
    """Whether ``value`` is ``expected`` written to ``digits`` significant digits (rounded either way)."""
    if expected == 0:
        return value == 0
    unit = 10.0 ** (np.floor(np.log10(abs(expected))) - digits + 1)  # one unit in the last digit
    if abs(value - expected) <= 0.5 * unit * (1 + 1e-9):
        return True
    # an answer rounded from a value just across a rounding boundary, e.g. 0.16047 for 0.160524
    return float(f"{value:.{digits - 1}e}") == float(f"{expected:.{digits - 1}e}")


def check_number(exercise, answer, expected, wrong_answers, otherwise, sampled=None):
    """Report on a numeric answer under the book's one rule for numbers.

    - A right answer written to 3 or more significant digits is correct: every digit it gives,
      up to the 4th, must be right (rounded). Digits after the 4th are not judged, so a value
      computed numerically passes.
    - A right answer with fewer digits (0.2 for 0.2036) is asked for more digits; it is never
      told that its method is wrong, unless it is exactly one of the known wrong values.
    - An answer wrong in the 3rd or 4th digit it gives is not correct: it gets the hint of a
      known wrong answer (``wrong_answers``, judged by the same rule) or the general hint
      ``otherwise``.
    - ``sampled``, for an exercise that invites a check by sampling: ``(tolerance, hint)``. An answer
      that is not right (not even to the fewer digits it gives) but lies within ``tolerance`` of ``expected``
      (a sampled estimate's error) gets ``hint``, which asks for the exact value, rather than a
      hint that reads as "your method is wrong".
    """
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return report(exercise, f"give a single number, not {answer!r}")
    if not np.isfinite(value):
        return report(exercise, f"give a finite number, not {value}")
    given = significant_digits(value)
    judged = min(max(given, 3), 4)
    if agrees(value, expected, judged):
        return report(exercise, CORRECT)
    exact_slip = [
        hint for wrong, hint in wrong_answers.items() if np.isclose(value, wrong, rtol=1e-12, atol=0.0)
    ]
    if exact_slip:  # exactly a known wrong value (1.0 for 1.41...): its hint, not "more digits"
        return report(exercise, exact_slip[0])
    if given < 3 and agrees(value, expected, given):
        return report(
            exercise, f"right as far as it goes; give at least 3 significant digits (you gave {given})"
        )
    if sampled is not None and abs(value - expected) <= sampled[0]:
        return report(exercise, sampled[1])
    for wrong, hint in wrong_answers.items():
        if agrees(value, wrong, judged):
            return report(exercise, hint)
    if agrees(value, expected, 3):
        return report(
            exercise, "the first 3 significant digits are right but the 4th is not: round, or recompute it"
        )
    return report(exercise, otherwise)

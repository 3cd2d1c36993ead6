"""What every exercise checker shares: the verdicts and how they are printed.

Each ``check_...`` function takes what the reader wrote (a function or a
value) and prints one line: "not attempted yet", "correct", or a hint aimed
at the usual mistake. It returns nothing, so a notebook cell shows only that
line. A checker never raises because of the reader's answer: an exception in
the reader's code is reported as a hint.
"""

import numpy as np

NOT_ATTEMPTED = "not attempted yet"
CORRECT = "correct"


def report(exercise, verdict):
    print(f"Exercise {exercise}: {verdict}")


def call(func, *args):
    """Call the reader's function; return (result, None) or (None, hint)."""
    try:
        return func(*args), None
    except Exception as error:  # the reader's code: report, never crash the checker
        return None, f"your function raised {type(error).__name__}: {error}"


def check_number(exercise, answer, expected, wrong_answers, otherwise, rtol=1e-6):
    """Report on a numeric answer: correct, the hint for a known wrong answer, or a general hint."""
    if answer is None:
        return report(exercise, NOT_ATTEMPTED)
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return report(exercise, f"give a single number, not {answer!r}")
    # relative tolerance only: an absolute one would accept 0 for a tiny expected value
    if np.isclose(value, expected, rtol=rtol, atol=0.0):
        return report(exercise, CORRECT)
    for wrong, hint in wrong_answers.items():
        if np.isclose(value, wrong, rtol=rtol, atol=0.0):
            return report(exercise, hint)
    return report(exercise, otherwise)

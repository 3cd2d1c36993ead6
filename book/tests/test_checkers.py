"""The book's one rule for numeric answers, checked on every checker that takes a number.

A right answer written to 3 or to 4 significant digits is correct; a right answer with fewer
digits is asked for more and never told that its method is wrong; an answer wrong in the 3rd or
4th digit is not correct. The checkers are found by calling each with a number and recording
the value it hands to ``check_number``, so a new checker is tested without being listed here.
"""

import contextlib
import importlib
import io

import numpy as np
import pytest

from textbook import exercises
from textbook.exercises import _common

CHAPTERS = [importlib.import_module(f"textbook.exercises.chapter{n}") for n in range(1, 7)]


def _numeric_checkers():
    """(name, checker, expected) for every checker that passes its answer to check_number."""
    found = []
    for chapter in CHAPTERS:
        original = chapter.check_number
        for name in exercises.__all__:
            checker = getattr(exercises, name)
            if checker.__module__ != chapter.__name__:
                continue
            seen = []
            chapter.check_number = lambda exercise, answer, expected, *rest, seen=seen: seen.append(expected)
            try:
                with contextlib.redirect_stdout(io.StringIO()):  # a non-numeric checker's verdict
                    checker(0.123456789)
            except TypeError:
                pass  # takes a function or several arguments: not a numeric checker
            finally:
                chapter.check_number = original
            if seen:
                found.append(pytest.param(checker, float(seen[0]), id=name))
    return found


NUMERIC = _numeric_checkers()


def _round(value, digits):
    return float(f"{value:.{digits - 1}e}")


def _verdict(capsys, checker, answer):
    checker(answer)
    return capsys.readouterr().out.strip().split(": ", 1)[1]


def test_every_numeric_checker_is_found():
    assert len(NUMERIC) >= 20


@pytest.mark.parametrize(("checker", "expected"), NUMERIC)
@pytest.mark.parametrize("digits", [3, 4, 6, 17])
def test_the_solution_rounded_passes(capsys, checker, expected, digits):
    assert _verdict(capsys, checker, _round(expected, digits)) == "correct"


@pytest.mark.parametrize(("checker", "expected"), NUMERIC)
@pytest.mark.parametrize("place", [3, 4])
def test_a_wrong_third_or_fourth_digit_fails(capsys, checker, expected, place):
    rounded = _round(expected, place)
    unit = 10.0 ** (np.floor(np.log10(abs(expected))) - place + 1)
    # a wrong answer that still shows `place` digits (1.630 reads as 1.63, which may be right)
    candidates = (rounded + k * unit for k in (2, -2, 3, -3))
    wrongs = [w for w in candidates if _common.significant_digits(w) == place]
    assert wrongs
    for wrong in wrongs:
        assert _verdict(capsys, checker, wrong) != "correct", wrong


@pytest.mark.parametrize(("checker", "expected"), NUMERIC)
def test_a_right_but_coarse_answer_is_asked_for_digits(capsys, checker, expected):
    coarse = _round(expected, 2)
    if _common.agrees(coarse, expected, 3):
        pytest.skip("2 digits are already right to 3 (a trailing zero)")
    assert "significant digits" in _verdict(capsys, checker, coarse)


@pytest.mark.parametrize(
    ("value", "digits"), [(0.161, 3), (1.6, 2), (1.41, 3), (1365.0, 4), (0.1603, 4), (2e-05, 1), (-0.17, 2)]
)
def test_significant_digits(value, digits):
    assert _common.significant_digits(value) == digits


def test_the_rule(capsys):
    def check(answer):
        _common.check_number("x", answer, 0.160524, {0.5: "a known slip"}, "general hint")

    for right in (0.161, 0.1605, 0.16052, 0.16047, 0.160524):
        assert _verdict(capsys, check, right) == "correct", right
    assert "significant digits" in _verdict(capsys, check, 0.16)
    assert "4th is not" in _verdict(capsys, check, 0.1603)
    assert _verdict(capsys, check, 0.162) == "general hint"
    assert _verdict(capsys, check, 0.5) == "a known slip"
    assert _verdict(capsys, check, float("nan")).startswith("give a finite number")
    assert _verdict(capsys, check, "abc").startswith("give a single number")
    assert _verdict(capsys, check, None) == "not attempted yet"

"""Graded assignments for nbgrader, built from a chapter's exercises, in variants (tools/assignments.py).

Each graded exercise is a question with settings (a probability, logits, a dimension...), the
code of its model answer and a number of points. A variant fixes the settings; the model answer is
computed from them when the assignment is generated, never typed. The notebook nbgrader receives
has, per exercise, the question (locked), an answer cell whose model solution sits between
nbgrader's solution markers, and a test cell worth the points: its visible part checks that an
answer is there, its hidden part (removed from what students get) checks the value to 3
significant digits, the book's rule.
"""

from dataclasses import dataclass

import nbformat
import numpy as np


@dataclass(frozen=True)
class Graded:
    """One graded exercise: ``question`` and ``solution`` are templates filled with a variant's settings.

    ``answer(**settings)`` computes the model answer; ``name`` is the variable the student sets.
    """

    exercise: str
    points: int
    name: str
    question: str
    solution: str
    answer: object
    variants: tuple


VARIANTS = "ab"

_CHECK = """def _agrees(value, expected):
    \"\"\"The book's rule: value is expected written to at least 3 significant digits.\"\"\"
    value, expected = np.asarray(value, dtype=float), np.asarray(expected, dtype=float)
    if value.shape != expected.shape:
        return False
    unit = 10.0 ** (np.floor(np.log10(np.maximum(np.abs(expected), 1e-300))) - 2)
    return bool(np.all(np.abs(value - expected) <= 0.5 * unit * (1 + 1e-9)))"""


def _cell(kind, source, grade_id, points=None):
    """A cell nbgrader knows: "markdown" or "code" (locked), "solution" (the student's), "test" (graded)."""
    cell = nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {
        "grade_id": grade_id,
        "schema_version": 3,
        "solution": kind == "solution",
        "grade": kind == "test",
        "locked": kind != "solution",
        **({"points": points} if kind == "test" else {}),
    }
    return cell


def assignment_name(chapter, variant):
    return f"chapter{chapter:02d}-{variant}"


def notebook(chapter, variant):
    """The source notebook of one assignment, with its model answers between nbgrader's markers."""
    k = VARIANTS.index(variant)
    cells = [
        _cell(
            "markdown",
            f"# Chapter {chapter}: graded exercises (variant {variant})\n\n"
            "Under each question, replace the two lines `# YOUR CODE HERE` and "
            "`raise NotImplementedError()` with Python that sets the named variable (keep the "
            "variable's name). An answer right to 3 significant digits earns the points; the "
            "cell under your answer only checks that you gave one. Run every cell, top to bottom, "
            "before you submit.",
            "title",
        ),
        _cell("code", "import numpy as np\n\nimport activations as act\n\n" + _CHECK, "setup"),
    ]
    for graded in CHAPTERS[chapter]:
        settings = graded.variants[k]
        expected = np.asarray(graded.answer(**settings), dtype=float).tolist()
        slug = graded.exercise.replace(".", "_")
        cells.append(
            _cell(
                "markdown",
                f"**Exercise {graded.exercise}** ({graded.points} point{'s' if graded.points > 1 else ''}). "
                + graded.question.format(**settings),
                f"question_{slug}",
            )
        )
        solution = graded.solution.format(**settings)
        cells.append(
            _cell(
                "solution",
                f"{graded.name} = None\n### BEGIN SOLUTION\n{solution}\n### END SOLUTION",
                f"answer_{slug}",
            )
        )
        test = (
            f"assert {graded.name} is not None, 'set {graded.name}'\n"
            f"### BEGIN HIDDEN TESTS\nassert _agrees({graded.name}, {expected!r})\n### END HIDDEN TESTS"
        )
        cells.append(_cell("test", test, f"test_{slug}", graded.points))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def points(chapter):
    """The points an assignment of the chapter is worth."""
    return sum(graded.points for graded in CHAPTERS[chapter])


# The graded exercises of each chapter, one module a chapter (chapter4.py, ...), which import
# Graded from here: imported last.
from . import chapter1, chapter2, chapter3, chapter4, chapter5, chapter6  # noqa: E402

CHAPTERS = {
    1: chapter1.GRADED,
    2: chapter2.GRADED,
    3: chapter3.GRADED,
    4: chapter4.GRADED,
    5: chapter5.GRADED,
    6: chapter6.GRADED,
}

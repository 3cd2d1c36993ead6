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

import activations as act


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


def _underflow_gap(dtype):
    """The first d on a grid of step 0.01 where softmax([0, d]) gives class 0 exactly 0."""
    d = np.arange(50.0, 800.0, 0.01)
    pair = np.stack([np.zeros_like(d), d], axis=1).astype(dtype)
    return float(d[np.argmax(act.softmax(pair)[:, 0] == 0)])


CHAPTER4 = (
    Graded(
        "4.1.1",
        2,
        "underflow_gap",
        "In {dtype}, from which gap $d$ does `act.softmax(np.array([0, d], dtype=np.{dtype}))` give "
        "the first class a probability of exactly 0? Find it on a grid, to 3 significant digits.",
        "d = np.arange(50.0, 800.0, 0.01)\n"
        "pair = np.stack([np.zeros_like(d), d], axis=1).astype(np.{dtype})\n"
        "underflow_gap = float(d[np.argmax(act.softmax(pair)[:, 0] == 0)])",
        lambda dtype: _underflow_gap(dtype),
        ({"dtype": "float64"}, {"dtype": "float32"}),
    ),
    Graded(
        "4.1.2",
        2,
        "temperature",
        "At which temperature $T$ does $\\operatorname{{softmax}}((0, 1) / T)$ give probability {p} to the "
        "second class?",
        "temperature = 1 / np.log({p} / (1 - {p}))",
        lambda p: 1 / np.log(p / (1 - p)),
        ({"p": 0.9}, {"p": 0.8}),
    ),
    Graded(
        "4.2.1",
        2,
        "gradient",
        "For the logits {z} and the soft target {t}, what is the gradient of the cross-entropy with "
        "respect to the logits (an array of {k} numbers)?",
        "gradient = act.softmax(np.array({z})) - np.array({t})",
        lambda z, t, k: act.softmax(np.array(z)) - np.array(t),
        (
            {"z": [2.0, 0.0, -1.0], "t": [0.8, 0.1, 0.1], "k": 3},
            {"z": [0.5, 1.5, -0.5, 0.0], "t": [0.1, 0.7, 0.1, 0.1], "k": 4},
        ),
    ),
    Graded(
        "4.2.2",
        3,
        "gradient_limit",
        "Ten classes, true class 0; the logits of {m} wrong classes are all set to $s$, the others "
        "to 0. What is the limit of the Euclidean norm of the cross-entropy's gradient with respect "
        "to the logits as $s \\to \\infty$?",
        "gradient_limit = np.sqrt(1 + {m} * (1 / {m}) ** 2)",
        lambda m: float(np.sqrt(1 + m * (1 / m) ** 2)),
        ({"m": 2}, {"m": 3}),
    ),
    Graded(
        "4.3.2",
        2,
        "score_divisor",
        "The entries of $q$ and $k \\in \\mathbb{{R}}^{{{d}}}$ are independent with mean 0; those of $q$ "
        "have variance {vq}, those of $k$ variance {vk}. By what number must the score $q \\cdot k$ be "
        "divided to bring its variance to 1?",
        "score_divisor = np.sqrt({d} * {vq} * {vk})",
        lambda d, vq, vk: float(np.sqrt(d * vq * vk)),
        ({"d": 64, "vq": 3, "vk": 0.5}, {"d": 32, "vq": 2, "vk": 0.25}),
    ),
)

CHAPTERS = {4: CHAPTER4}
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
            "Write each answer in the cell under its question, as Python that sets the named variable; "
            "an answer right to 3 significant digits earns the points. Run every cell before you submit.",
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
                f"**Exercise {graded.exercise}** ({graded.points} points). "
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
    return sum(graded.points for graded in CHAPTERS[chapter])

"""The graded assignments, through the real nbgrader: generate, submit, autograde, read the gradebook."""

import re
import sys
from pathlib import Path

import nbformat
import pytest

from textbook import ROOT, assignments

sys.path.insert(0, str(ROOT / "tools"))
import assignments as tool  # tools/assignments.py, the command behind make assignments

NAME = assignments.assignment_name(4, "a")
# two known mistakes: the temperature from p itself instead of its log-odds, and the gradient
# without the target subtracted (2 points each)
MISTAKES = {
    "temperature": "temperature = 1 / np.log(0.9)",
    "gradient": "gradient = act.softmax(np.array([2.0, 0.0, -1.0]))",
}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    pytest.importorskip("nbgrader")
    course, names = tool.write(tmp_path_factory.mktemp("course") / "course")
    assert names == ["chapter04-a", "chapter04-b"]
    return course


def _model_answers(course):
    """The model solution of every answer cell, read from the source notebook, by its grade id."""
    nb = nbformat.read(course / "source" / NAME / f"{NAME}.ipynb", as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            body = re.search(r"### BEGIN SOLUTION\n(.*)\n### END SOLUTION", cell.source, re.S).group(1)
            answers[meta["grade_id"]] = body
    return answers


def _submit(course, student, answers):
    """Fill the released notebook as a student would and put it where nbgrader collects it."""
    nb = nbformat.read(course / "release" / NAME / f"{NAME}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    folder = course / "submitted" / student / NAME
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{NAME}.ipynb")


def test_the_released_notebooks_hold_no_solution_and_no_hidden_test(course):
    for name in ("chapter04-a", "chapter04-b"):
        text = (course / "release" / name / f"{name}.ipynb").read_text()
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
        assert "assert _agrees(" not in text  # the value checks are the hidden tests
        model = _model_answers(course) if name == NAME else {}
        for body in model.values():
            assert body not in text


def test_the_variants_differ_in_their_numbers(course):
    read = lambda n: nbformat.read(course / "source" / n / f"{n}.ipynb", as_version=4).cells  # noqa: E731
    a, b = read("chapter04-a"), read("chapter04-b")
    questions = [(x.source, y.source) for x, y in zip(a, b, strict=True) if x.source.startswith("**Exercise")]
    assert len(questions) == len(assignments.CHAPTER4)
    assert all(x != y for x, y in questions)


def test_nbgrader_gives_full_marks_to_the_model_answers_and_takes_off_exactly_the_two_mistakes(course):
    nbgrader_api = pytest.importorskip("nbgrader.api")
    model = _model_answers(course)
    wrong = dict(model)
    for grade_id, body in model.items():
        name = body.split(" = ")[0].splitlines()[-1]
        if name in MISTAKES:
            wrong[grade_id] = MISTAKES[name]
    _submit(course, "alice", model)
    _submit(course, "bob", wrong)
    tool.nbgrader(course, "autograde", NAME, "--force", "--create")
    total = assignments.points(4)
    lost = sum(g.points for g in assignments.CHAPTER4 if g.name in MISTAKES)
    assert (total, lost) == (11, 4)
    with nbgrader_api.Gradebook(f"sqlite:///{course}/gradebook.db", "activations") as gradebook:
        alice = gradebook.find_submission(NAME, "alice")
        bob = gradebook.find_submission(NAME, "bob")
        assert (alice.score, alice.max_score) == (total, total)
        assert (bob.score, bob.max_score) == (total - lost, total)
    exported = Path(course) / "grades.csv"
    tool.nbgrader(course, "export", "--to", str(exported))
    rows = exported.read_text().splitlines()
    assert any(",alice," in row and f",{float(total)}," in row for row in rows), rows

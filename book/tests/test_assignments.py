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
    assert names == [
        assignments.assignment_name(c, v) for c in assignments.CHAPTERS for v in assignments.VARIANTS
    ]
    return course


def _model_answers(course, name=NAME):
    """The model solution of every answer cell, read from the source notebook, by its grade id."""
    nb = nbformat.read(course / "source" / name / f"{name}.ipynb", as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            body = re.search(r"### BEGIN SOLUTION\n(.*)\n### END SOLUTION", cell.source, re.S).group(1)
            answers[meta["grade_id"]] = body
    return answers


def _submit(course, student, answers, name=NAME):
    """Fill the released notebook as a student would and put it where nbgrader collects it."""
    nb = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    folder = course / "submitted" / student / name
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{name}.ipynb")


NAMES = [assignments.assignment_name(c, v) for c in assignments.CHAPTERS for v in assignments.VARIANTS]


@pytest.mark.parametrize("name", NAMES)
def test_the_released_notebook_holds_no_solution_and_no_hidden_test(course, name):
    text = (course / "release" / name / f"{name}.ipynb").read_text()
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "assert _agrees(" not in text  # the value checks are the hidden tests
    for body in _model_answers(course, name).values():
        assert body not in text


@pytest.mark.parametrize("chapter", list(assignments.CHAPTERS))
def test_every_exercise_has_points_a_question_and_two_variants_that_differ(chapter):
    graded = assignments.CHAPTERS[chapter]
    assert len(graded) >= 3 and all(g.points > 0 for g in graded)
    for g in graded:
        assert len(g.variants) == len(assignments.VARIANTS)
        questions = {g.question.format(**v) for v in g.variants}
        assert len(questions) == len(g.variants), f"exercise {g.exercise}: the variants read the same"


def test_nbgrader_gives_full_marks_to_every_assignment_s_model_answers(course):
    nbgrader_api = pytest.importorskip("nbgrader.api")
    for name in NAMES:
        _submit(course, "model", _model_answers(course, name), name)
    tool.nbgrader(course, "autograde", tool.PATTERN, "--force", "--create", "--student", "model")
    with nbgrader_api.Gradebook(f"sqlite:///{course}/gradebook.db", "activations") as gradebook:
        for name in NAMES:
            submission = gradebook.find_submission(name, "model")
            assert submission.score == submission.max_score == assignments.points(int(name[7:9])), name


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
    lost = sum(g.points for g in assignments.CHAPTERS[4] if g.name in MISTAKES)
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

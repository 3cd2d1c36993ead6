"""Write the nbgrader course folder of the book's graded assignments and generate them.

    python tools/assignments.py [--course DIR]     # or: make assignments

Writes DIR (default _build/assignments) as an nbgrader course: nbgrader_config.py, and for every
chapter that has graded exercises (textbook.assignments) one assignment per variant,
source/chapterNN-<variant>/chapterNN-<variant>.ipynb, with the model answers computed from the
variant's settings. Then runs `nbgrader generate_assignment` on each, which writes release/: the
notebooks students get, without the solutions and without the hidden tests. Run again, it rewrites
source/ and release/ and leaves what a term has added (submitted/, autograded/, feedback/ and the
gradebook) as it is.
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from shared import ROOT

from textbook import assignments

PATTERN = "chapter[0-9][0-9]-[a-z]"  # the names assignments.assignment_name gives
CONFIG = """c = get_config()  # noqa: F821 (nbgrader's configuration object)
c.CourseDirectory.course_id = "activations"
c.CourseDirectory.root = {root!r}
# nbgrader's default gradebook, a SQLite file in the course folder: no server is needed
c.CourseDirectory.db_url = "sqlite:///" + {root!r} + "/gradebook.db"
"""


def nbgrader(course, *args):
    """Run the nbgrader command line in the course folder; raise if it fails."""
    bin = Path(sys.executable).parent
    # nbgrader runs `alembic` (its gradebook's migrations) from the PATH: this environment's
    path = f"{bin}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run([bin / "nbgrader", *args], cwd=course, capture_output=True, text=True,
                          env={**os.environ, "PATH": path})  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def write(course):
    """Write (or rewrite) the course's sources and releases; a term's submissions and grades stay."""
    course = Path(course).resolve()
    course.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG.format(root=str(course)))
    names = []
    for chapter in assignments.CHAPTERS:
        for variant in assignments.VARIANTS:
            name = assignments.assignment_name(chapter, variant)
            folder = course / "source" / name
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            nbformat.write(assignments.notebook(chapter, variant), folder / f"{name}.ipynb")
            names.append(name)
    # one nbgrader run for all of them (a pattern of the book's assignment names, so that a course
    # folder's other assignments are left alone)
    nbgrader(course, "generate_assignment", PATTERN, "--force")
    return course, names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", default=ROOT / "_build" / "assignments")
    course, names = write(parser.parse_args().course)
    for name in names:
        chapter = int(name[7:9])
        print(f"{name}: {assignments.points(chapter)} points, released in {course / 'release' / name}")


if __name__ == "__main__":
    main()

"""The lecturer's kit: the teaching page, the licence and the citation file."""

import re

import nbformat
import pytest
import yaml

from textbook import ROOT, teaching, widgets

CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_outcomes_are_read_from_every_section_of_the_chapter(chapter):
    found = teaching.outcomes(chapter)
    assert len(found) == len(teaching.sections(chapter))
    for title, items in found.items():
        assert title[0].isdigit()
        assert 3 <= len(items) <= 5, f"{title}: a 'You will learn' box has 3 to 5 outcomes"


def test_a_chapter_without_notebooks_is_refused():
    with pytest.raises(FileNotFoundError, match=r"teaching\.sections: no notebooks"):
        teaching.sections("99_missing")


def test_the_teaching_page_covers_every_chapter_with_a_plan_and_no_model_answers():
    nb = nbformat.read(ROOT / "back/teaching.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for chapter in CHAPTERS:
        assert f'teaching.outcomes_markdown("{chapter}")' in text
    assert text.count("**A 90-minute lecture.**") == len(CHAPTERS)
    assert "**Q1.**" not in text and "*Model answer.*" not in text


def test_the_assessment_page_asks_two_questions_a_chapter_each_answered_by_code():
    cells = nbformat.read(ROOT / "back/assessment.ipynb", as_version=4).cells
    text = "\n".join(c.source for c in cells)
    assert text.count("**Q1.**") == text.count("**Q2.**") == len(CHAPTERS)
    assert text.count("*Model answer.*") == 2 * len(CHAPTERS)
    for k, cell in enumerate(cells):
        if cell.source.startswith("**Q"):
            assert cells[k + 1].cell_type == "code" and cells[k + 2].source.startswith("*Model answer.*")


def test_the_assessment_page_is_not_in_the_self_study_book():
    toc = (ROOT / "_toc.yml").read_text()
    assert "back/assessment" not in toc and "back/teaching" in toc


def test_citation_file_is_complete_and_rendered():
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert data["cff-version"] == "1.2.0"
    assert set(data["license"]) == {"MIT", "CC-BY-4.0"}
    text, bibtex = teaching.citation()
    assert data["title"] in text
    assert bibtex.startswith("@book{")


def test_the_citation_gives_the_library_s_version():
    import activations

    data = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert str(data["version"]) == activations.__version__


def test_citation_with_a_missing_field_is_refused(tmp_path):
    broken = tmp_path / "CITATION.cff"
    broken.write_text("cff-version: 1.2.0\ntitle: x\n")
    with pytest.raises(ValueError, match=r"CITATION\.cff has no 'message'"):
        teaching.citation(broken)


def test_licences_are_stated_in_the_repository_the_footer_and_the_package():
    licence = (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in licence
    assert "MIT License" in licence
    footer = yaml.safe_load((ROOT / "_config.yml").read_text())["html"]["extra_footer"]
    assert "CC BY 4.0" in footer
    assert "MIT" in footer
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text()


def _page_text():
    return "\n".join(c.source for c in nbformat.read(ROOT / "back/teaching.ipynb", as_version=4).cells)


def _chapter_text(chapter):
    return "\n".join(
        c.source for path in teaching.sections(chapter) for c in nbformat.read(path, as_version=4).cells
    )


def test_the_teaching_page_names_only_make_targets_widgets_and_exercises_that_exist():
    text = _page_text()
    makefile = (ROOT / "Makefile").read_text()
    for target in set(re.findall(r"`make (\w+)`", text)):
        assert re.search(rf"^{target}:", makefile, re.M), (
            f"the page names `make {target}`, which the Makefile lacks"
        )
    chapters_text = "\n".join(_chapter_text(chapter) for chapter in CHAPTERS)
    for widget in set(re.findall(r"`widgets\.(\w+)\(", text)):
        assert hasattr(widgets, widget), f"the page names widgets.{widget}, which does not exist"
        assert f"widgets.{widget}(" in chapters_text, f"no chapter shows widgets.{widget}"
    for number in set(re.findall(r"exercise (\d+\.\d+\.\d+)", text)):
        assert f"**Exercise {number}**" in chapters_text, (
            f"the page names exercise {number}, which no chapter has"
        )


def test_the_teaching_page_says_how_to_build_and_present_the_slides():
    text = _page_text()
    assert "has no slides" not in text
    assert "`make slides`" in text and "`_build/slides/`" in text and "`make lab`" in text


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_plan_names_every_section_the_misconceptions_page_links_in_its_chapter(chapter):
    cells = nbformat.read(ROOT / "back/teaching.ipynb", as_version=4).cells
    start = next(k for k, c in enumerate(cells) if c.source.startswith(f"## Chapter {int(chapter[:2])}."))
    plan = next(c.source for c in cells[start:] if "**Misconceptions students bring**" in c.source)
    line = plan.split("**Misconceptions students bring**")[1].split("\n\n")[0]
    assert re.findall(r"\{ref\}`(sec-[\w-]+)`", line) == teaching.misconception_sections(chapter)


def test_misconception_sections_reads_the_page_in_the_chapters_order(tmp_path):
    page = tmp_path / "misconceptions.md"
    page.write_text(
        "| a | b | {ref}`sec-xor` |\n| c | d | {ref}`1.1 <sec-collapse>` |\n| e | f | {ref}`sec-relu` |\n"
    )
    assert teaching.misconception_sections("01_linearity", page) == ["sec-collapse", "sec-xor"]

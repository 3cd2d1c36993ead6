"""The Japanese edition: one source, with the English text as the message catalogue.

    python tools/i18n.py gettext     # make gettext: the English messages, _build/gettext/**/*.pot
    python tools/i18n.py update      # sphinx-intl update: merge them into locales/ja/LC_MESSAGES
    python tools/i18n.py stats       # untranslated and fuzzy messages per catalogue (exit 1 if any)
    python tools/i18n.py build       # make book-ja: the Japanese site in _build/ja/html
    python tools/i18n.py export locales/ja/LC_MESSAGES/intro.po > intro.txt
    python tools/i18n.py import locales/ja/LC_MESSAGES/intro.po intro.txt
    python tools/i18n.py lint        # every translation keeps its message's markup

Sphinx's gettext builder extracts every paragraph, heading, list item, admonition title, table cell
and glossary entry of the pages and notebooks' markdown cells as a message, in its MyST source form
($math$, {term}`...`, {ref}`...` included). The Japanese build (language "ja") replaces each by
its translation in locales/ja/LC_MESSAGES/<page>.po and parses it as MyST again. Code, code outputs
and the text inside figures are not messages: they stay exactly as stored, so nbval still checks one
set of outputs.

`export` and `import` are for translators who would rather not edit .po escapes: a work file has
one block per message, with the English and the translation as plain text.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from babel.messages import pofile
from shared import ROOT

LANGUAGE = "ja"
LOCALES = ROOT / "locales"
CATALOGUES = LOCALES / LANGUAGE / "LC_MESSAGES"
POT = ROOT / "_build" / "gettext"
OUT = ROOT / "_build" / LANGUAGE
BIN = Path(sys.executable).parent
# The Japanese edition's title and footer; everything else comes from the catalogues.
TITLE = "活性化関数：実行できる教科書"
AUTHOR = "activations コースの著者一同"
FOOTER = (
    "この本の数値と図はすべてノートブックが計算したもので、CI で再実行して検証しています。"
    "コード、コードの出力と図の中の文字は英語版と同じものです。"
    "本文と図: CC BY 4.0、コード: MIT ライセンス（LICENSE を参照）。"
    "引用の仕方は CITATION.cff か「この本で教える」のページを参照してください。"
)
# What a translation must keep from its message: roles, math, code, emphasis and link targets.
ROLE = re.compile(r"\{[a-z:-]+\}`[^`]*`")
MARKUP = {
    "role": lambda text: ROLE.findall(text),
    "math": lambda text: re.findall(r"\$", ROLE.sub("", text)),
    "code": lambda text: re.findall(r"`", ROLE.sub("", text)),
    "bold": lambda text: re.findall(r"\*\*", text),
    "link": lambda text: re.findall(r"\]\(", text),
}


def gettext(out=POT):
    """Extract the English messages with Sphinx's gettext builder (one .pot per page)."""
    shutil.rmtree(out, ignore_errors=True)
    build = ROOT / "_build" / "gettext-build"
    subprocess.run(
        [
            BIN / "jupyter-book",
            "build",
            ROOT,
            "--builder",
            "custom",
            "--custom-builder",
            "gettext",
            "--path-output",
            build,
            "-q",
        ],
        check=True,
    )
    shutil.move(build / "_build" / "gettext", out)
    shutil.rmtree(build, ignore_errors=True)
    print(f"{sum(len(read(p)) for p in out.rglob('*.pot'))} messages in {out}")
    return out


def update():
    """Merge the current messages into the catalogues: new ones empty, changed ones fuzzy."""
    subprocess.run(
        [BIN / "sphinx-intl", "update", "-p", POT, "-d", LOCALES, "-l", LANGUAGE, "-w", "0", "--no-obsolete"],
        check=True,
    )
    for po in CATALOGUES.rglob("*.mo"):
        po.unlink()  # compiled by the build; not part of the source


def read(path):
    with open(path, "rb") as f:
        return [m for m in pofile.read_po(f) if m.id]


def write(path, catalogue):
    with open(path, "wb") as f:
        pofile.write_po(f, catalogue, width=0, omit_header=False)


def stats(pot=None):
    """Per catalogue: messages, untranslated, fuzzy, and (with pot) messages missing from it."""
    rows = []
    for po in sorted(CATALOGUES.rglob("*.po")):
        messages = read(po)
        row = {
            "catalogue": str(po.relative_to(CATALOGUES)),
            "messages": len(messages),
            "untranslated": sum(not m.string for m in messages),
            "fuzzy": sum(m.fuzzy for m in messages),
        }
        if pot is not None:
            template = pot / po.relative_to(CATALOGUES).with_suffix(".pot")
            ids = {m.id for m in messages}
            row["missing"] = sum(m.id not in ids for m in read(template)) if template.exists() else -1
        rows.append(row)
    return rows


def lint(msgid, msgstr):
    """How the translation's markup differs from the message's (empty when it keeps it all)."""
    if not msgstr:
        return []
    problems = []
    for name, find in MARKUP.items():
        english, here = len(find(msgid)), len(find(msgstr))
        if english != here:
            problems.append(f"{name}: {english} in English, {here} here")
    for end, pattern in (("leading", r"^\n*"), ("trailing", r"\n*$")):
        if re.search(pattern, msgid)[0] != re.search(pattern, msgstr)[0]:
            problems.append(f"{end} newlines differ (a display equation's must be kept)")
    if re.match(r"\d+\. ", msgstr) and not re.match(r"\d+\. ", msgid):
        problems.append("starts like a numbered list item: write 4\\. for a title's number")
    targets = re.compile(r"\{(ref|eq|doc|numref|cite:?[a-z]*)\}`(?:[^`<]*<)?([^`<>]*)>?`")
    lost = set(targets.findall(msgid)) - set(targets.findall(msgstr))
    problems += [f"lost the {kind} to {target}" for kind, target in sorted(lost)]
    return problems


def export(po):
    lines = []
    for n, m in enumerate(read(po)):
        lines += [f"#### {n}", "msgid:", m.id, "msgstr:", m.string or ""]
    return "\n".join(lines) + "\n"


def import_(po, work):
    """Write a work file's translations into a catalogue. A block is either what `export` wrote
    (msgid: ... msgstr: ...) or, after "#### N", just the translation of message N of the export."""
    blocks = re.split(r"^#### (\d+)\n", Path(work).read_text(), flags=re.M)[1:]
    with open(po, "rb") as f:
        catalogue = pofile.read_po(f)
    messages = [m for m in catalogue if m.id]
    changed = 0
    for number, body in zip(blocks[::2], blocks[1::2], strict=True):
        pair = re.fullmatch(r"msgid:\n(.*)\nmsgstr:\n(.*?)\n*", body, flags=re.S)
        message = messages[int(number)]
        if pair:
            if pair[1] != message.id:
                sys.exit(f"import: message {number} of {po} is not {pair[1][:60]!r}")
            msgstr = pair[2]
        else:
            msgstr = body.strip("\n")
            if msgstr:  # a display equation's message keeps its surrounding newlines
                lead, trail = re.match(r"\n*", message.id)[0], re.search(r"\n*$", message.id)[0]
                msgstr = lead + msgstr + trail
        if msgstr and message.string != msgstr:
            message.string = msgstr
            message.flags.discard("fuzzy")
            changed += 1
    write(po, catalogue)
    print(f"{changed} translations written to {po}")


def write_config(out=OUT):
    """The Japanese edition's _config.yml in <out>: the book's own, with language "ja", the
    catalogues (copied into <out>, since Sphinx compiles what it reads into .mo files beside them),
    the title, the footer and the language switch pointing back to the English edition."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["title"] = TITLE
    config["author"] = AUTHOR
    config["html"]["extra_footer"] = FOOTER
    sphinx = config["sphinx"]["config"]
    sphinx["language"] = LANGUAGE
    sphinx["textbook_other_edition"] = "../../html"
    sphinx["textbook_other_language"] = "en"
    # the words the extensions add themselves (the theme's own come from Sphinx's Japanese catalogue)
    sphinx["nb_code_prompt_show"] = "コードセルを表示"
    sphinx["nb_code_prompt_hide"] = "コードセルを隠す"
    sphinx["togglebutton_hint"] = "クリックして表示"
    sphinx["togglebutton_hint_hide"] = "クリックして隠す"
    shutil.rmtree(out / "locales", ignore_errors=True)
    shutil.copytree(LOCALES, out / "locales", ignore=shutil.ignore_patterns("*.mo"))
    sphinx["locale_dirs"] = [str(out / "locales")]
    out.mkdir(parents=True, exist_ok=True)
    (out / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    # The parts' captions of the table of contents, which Sphinx does not take from the catalogue
    # (sphinx-external-toc adds the toctrees after the translation), from the root page's one.
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    captions = {m.id: m.string for m in read(CATALOGUES / f"{toc['root']}.po") if m.string}
    for part in toc.get("parts", []):
        part["caption"] = captions.get(part["caption"], part["caption"])
    (out / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))
    return out / "_config.yml"


def build(out=OUT, builder="html"):
    """The Japanese site (or single page, for the PDF), with warnings as errors, into <out>/<builder>."""
    config = write_config(out)
    subprocess.run(
        [
            BIN / "jupyter-book",
            "build",
            ROOT,
            "--config",
            config,
            "--toc",
            out / "_toc.yml",
            "--path-output",
            out,
            "--builder",
            builder,
            "--warningiserror",
            "--keep-going",
            "-q",
        ],
        check=True,
        stdout=subprocess.DEVNULL if builder == "singlehtml" else None,
    )
    html = out / builder
    shutil.rmtree(html, ignore_errors=True)
    shutil.copytree(out / "_build" / builder, html)
    print(f"The Japanese edition ({builder}) is in {html}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = ["gettext", "update", "stats", "build", "export", "import", "lint"]
    parser.add_argument("command", choices=commands)
    parser.add_argument("files", nargs="*")
    parser.add_argument("--out", type=Path, default=OUT, help="build: where (default _build/ja)")
    args = parser.parse_args()
    if args.command == "gettext":
        gettext()
    elif args.command == "update":
        gettext()
        update()
    elif args.command == "stats":
        rows = stats()
        for r in rows:
            counts = f"{r['messages']:4} messages, {r['untranslated']:4} untranslated, {r['fuzzy']:3} fuzzy"
            print(f"{r['catalogue']:45} {counts}")
        left = sum(r["untranslated"] + r["fuzzy"] for r in rows)
        print(f"{sum(r['messages'] for r in rows)} messages, {left} untranslated or fuzzy")
        sys.exit(1 if left else 0)
    elif args.command == "build":
        args.out.mkdir(parents=True, exist_ok=True)
        build(args.out.resolve())
    elif args.command == "export":
        sys.stdout.write(export(args.files[0]))
    elif args.command == "import":
        import_(*args.files)
    elif args.command == "lint":
        bad = 0
        for po in sorted(args.files or CATALOGUES.rglob("*.po")):
            for m in read(po):
                for problem in lint(m.id, m.string):
                    bad += 1
                    print(f"{po}: {m.id[:50]!r}: {problem}")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

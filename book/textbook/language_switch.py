"""A Sphinx extension: every page links to the same page in the book's other language edition.

The English edition is built into _build/html and the Japanese one (tools/i18n.py) into
_build/ja/html; published side by side in that layout, each page's link finds its twin.
``textbook_other_edition`` is the other edition's HTML root relative to this one's (empty: no
link, as in the student and instructor editions, which have no Japanese twin), and
``textbook_other_language`` its language code. The link sits at the top of the page's article,
marked with the other language, and the page's head names the twin as its alternate.
"""

import posixpath
from html import escape

# What the link says, in the language it leads to.
LABELS = {"ja": "日本語版", "en": "English edition"}
# The link's landmark, named in the page's own language.
NAV = {"ja": "言語", "en": "Language"}


def _link(app, pagename, templatename, context, doctree):
    root = app.config.textbook_other_edition
    if not root or doctree is None or "body" not in context:
        return
    language = app.config.textbook_other_language
    depth = pagename.count("/")
    href = posixpath.join(*([".."] * depth or ["."]), root, pagename + app.builder.out_suffix)
    href = escape(posixpath.normpath(href))
    context["body"] = (
        f'<nav class="language-switch" aria-label="{NAV[app.config.language or "en"]}">'
        f'<a href="{href}" hreflang="{language}" lang="{language}">{escape(LABELS[language])}</a></nav>\n'
        + context["body"]
    )
    context["metatags"] = context.get("metatags", "") + (
        f'\n<link rel="alternate" hreflang="{language}" href="{href}">'
    )


def _tag(app, config):
    """`language_ja` (or `language_en`) for {only} blocks, such as the Japanese preface's note."""
    app.tags.add(f"language_{config.language or 'en'}")


def setup(app):
    app.add_config_value("textbook_other_edition", "", "html")
    app.add_config_value("textbook_other_language", "ja", "html")
    app.connect("config-inited", _tag)
    app.connect("html-page-context", _link)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

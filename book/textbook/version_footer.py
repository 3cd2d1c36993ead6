"""A Sphinx extension: the book's version and its date in every page's footer.

The version is ``activations.__version__`` (the one source) and the date is CITATION.cff's
``date-released``, which ``tools/release.py --stamp`` copies from CHANGELOG.md. Listed in
_config.yml's ``extensions``; it appends one sentence to the theme's ``extra_footer``.
"""

import yaml

import activations

from . import ROOT


def version_sentence(language="en"):
    """'Version 0.4.0 (2026-12-03); what changed between versions: CHANGELOG.md.' (or in Japanese)"""
    date = yaml.safe_load((ROOT / "CITATION.cff").read_text())["date-released"]
    if language == "ja":
        return f"バージョン {activations.__version__}（{date}）。版ごとの変更点: CHANGELOG.md。"
    return f"Version {activations.__version__} ({date}); what changed between versions: CHANGELOG.md."


def _add_to_footer(app, config):
    options = dict(config.html_theme_options or {})
    footer = options.get("extra_footer", "")
    options["extra_footer"] = f"{footer} {version_sentence(config.language)}".strip()
    config.html_theme_options = options
    config.version = config.release = activations.__version__


def setup(app):
    app.connect("config-inited", _add_to_footer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

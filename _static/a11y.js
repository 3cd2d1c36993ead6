/* Accessibility repairs of the theme's markup (sphinx-book-theme 1.3 / pydata-sphinx-theme 0.17 /
   docutils 0.21), found by axe-core on every page and checked by book/tests/test_a11y.py.
   Each repair names the axe rule it answers. Jupyter Book loads every _static/*.js on every page. */
(function () {
  "use strict";

  // the names this script gives, in the page's language (the Japanese edition's pages are lang="ja")
  const JA = document.documentElement.lang.startsWith("ja");

  // summary-name: the sidebar's expanders are <summary> elements holding only a chevron icon. A
  // screen reader announced "disclosure triangle, collapsed" with no name; now it says which
  // chapter's sections it shows or hides.
  // label-content-name-mismatch: myst-nb's "Show code cell content" expanders were named "Toggle
  // hidden content"; their name now is the text they show.
  function nameExpanders() {
    document.querySelectorAll("summary").forEach(function (summary) {
      if (summary.textContent.trim()) {
        summary.removeAttribute("aria-label");
        return;
      }
      if (summary.hasAttribute("aria-label")) return;
      const item = summary.closest("li");
      const link = item && item.querySelector(":scope > a");
      const title = link ? link.textContent.trim() : "";
      summary.setAttribute("aria-label", JA ? (title ? title + " の節" : "節") : title ? "Sections of " + title : "Sections");
    });
  }

  // label-content-name-mismatch, search buttons: their visible text is "Search Ctrl+K" but their
  // aria-label was "Search". The name now comes from the visible text, and the shortcut is
  // declared as one.
  function nameSearchButtons() {
    document.querySelectorAll("button.search-button-field").forEach(function (button) {
      button.removeAttribute("aria-label");
      button.setAttribute("aria-keyshortcuts", "Control+K");
    });
  }

  // label-content-name-mismatch, colour-mode button: Font Awesome turns its three icons into SVGs
  // titled "Light", "Dark" and "System Settings", the visible one being text the name "Color mode"
  // did not contain. The icons are decoration; the button's name says the current mode.
  const MODES = JA
    ? { light: "ライト", dark: "ダーク", auto: "システム設定" }
    : { light: "light", dark: "dark", auto: "system settings" };
  function nameThemeButtons() {
    const mode = document.documentElement.dataset.mode || "auto";
    document.querySelectorAll("button.theme-switch-button").forEach(function (button) {
      button.querySelectorAll("svg, i").forEach(function (icon) {
        icon.setAttribute("aria-hidden", "true");
        icon.removeAttribute("role");
        icon.removeAttribute("aria-labelledby");
        icon.querySelectorAll("title").forEach(function (title) {
          title.remove();
        });
      });
      button.setAttribute("aria-label", (JA ? "配色: " : "Color mode: ") + (MODES[mode] || mode));
    });
  }

  // region: the book's title link at the top of the left sidebar was outside every landmark. The
  // sidebar (title, search, table of contents) is the book's navigation.
  function landmarkSidebar() {
    const sidebar = document.getElementById("pst-primary-sidebar");
    if (sidebar && !sidebar.hasAttribute("role")) {
      sidebar.setAttribute("role", "navigation");
      sidebar.setAttribute("aria-label", JA ? "本の目次" : "Book");
    }
  }

  // aria-required-children (critical), aria-deprecated-role, aria-allowed-role: docutils marks the
  // bibliography's entries role="doc-biblioentry", deprecated in DPUB-ARIA 1.1 and not allowed on
  // a <div>, so the role="list" around them had no list items. They are list items.
  function bibliographyItems() {
    document.querySelectorAll('[role="doc-biblioentry"]').forEach(function (entry) {
      entry.setAttribute("role", "listitem");
    });
  }

  // focus-order-semantics and scrollable-region-focusable: a table too wide for the screen sits in
  // a scrolling box that the theme makes focusable (so a keyboard can scroll it) but leaves without
  // a role or name. It becomes a named region: "Table: <its caption or heading>".
  function nameScrollBoxes() {
    document.querySelectorAll(".pst-scrollable-table-container").forEach(function (box) {
      if (box.hasAttribute("role")) return;
      const table = box.querySelector("table");
      const caption = table && table.caption ? table.caption.textContent.trim() : "";
      const section = box.closest("section");
      const heading = section && section.querySelector("h1, h2, h3, h4");
      const title = caption || (heading ? heading.textContent.replace(/#$/, "").trim() : "");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", JA ? (title ? "表: " + title : "表") : title ? "Table: " + title : "Table");
    });
  }

  function repair() {
    nameExpanders();
    nameSearchButtons();
    nameThemeButtons();
    landmarkSidebar();
    bibliographyItems();
    nameScrollBoxes();
  }

  document.addEventListener("DOMContentLoaded", function () {
    repair();
    // Font Awesome replaces the icons after this script runs, and the theme switches the mode on
    // a click: repair the colour-mode button again whenever either happens.
    new MutationObserver(nameThemeButtons).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-mode"],
    });
    document.querySelectorAll("button.theme-switch-button").forEach(function (button) {
      new MutationObserver(function (changes) {
        if (changes.some((change) => change.type === "childList")) nameThemeButtons();
      }).observe(button, { childList: true, subtree: true });
    });
  });
  window.addEventListener("load", repair);
})();

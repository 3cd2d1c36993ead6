/* The book on a phone (a screen at most 576 px wide, the theme's own small-screen breakpoint), with
   _static/phone.css; checked at 390 px by book/tests/test_phone.py.

   Tables. A table too wide for the screen is either stacked or scrolled:
   - at most MAX_STACKED columns (prose tables: the misconceptions, the teaching plans, the guide):
     each row becomes a card, each cell under its column's name, so nothing needs sideways scrolling;
   - more columns (the atlas's "at a glance", where one reads across rows): it scrolls sideways in
     its own box, whose first column stays in place, under the line "Scroll the table sideways".

   Figures. Notebook figures are drawn about 900 px wide for a page; shrunk to a phone's width their
   text was 4 to 5 px. On a phone a figure is shown at least at FIGURE_SCALE of its drawn size (its
   11-point text about 12 px, its 8-point legends about 9 px) in a box that scrolls sideways, under
   the line "Swipe the figure sideways to see all of it". */
(function () {
  "use strict";

  const PHONE = window.matchMedia("screen and (max-width: 576px)");
  const MAX_STACKED = 5;
  const FIGURE_SCALE = 0.8;
  // the words this script adds, in the page's language (the Japanese edition's pages are lang="ja")
  const JA = document.documentElement.lang.startsWith("ja");

  function hint(text, before) {
    const note = document.createElement("p");
    note.className = "phone-scroll-hint";
    note.setAttribute("aria-hidden", "true");
    note.textContent = text;
    before.parentNode.insertBefore(note, before);
  }

  function columnNames(table) {
    const head = table.tHead && table.tHead.rows[0];
    return head ? Array.from(head.cells, (cell) => cell.textContent.trim()) : null;
  }

  // Every body cell carries its column's name, which phone.css shows above it when stacked.
  function labelCells(table, names) {
    Array.from(table.tBodies).forEach(function (body) {
      Array.from(body.rows).forEach(function (row) {
        Array.from(row.cells).forEach(function (cell, i) {
          if (names[i]) cell.dataset.label = names[i];
        });
      });
    });
  }

  function layoutTables() {
    document.querySelectorAll("main table").forEach(function (table) {
      table.classList.remove("phone-stacked", "phone-scrolled");
      const box = table.closest(".pst-scrollable-table-container") || table.parentElement;
      if (box.previousElementSibling && box.previousElementSibling.matches(".phone-scroll-hint")) {
        box.previousElementSibling.remove();
      }
      if (!PHONE.matches || table.getBoundingClientRect().width <= box.clientWidth + 1) return;
      const names = columnNames(table);
      if (names && names.length <= MAX_STACKED) {
        labelCells(table, names);
        table.classList.add("phone-stacked");
      } else {
        table.classList.add("phone-scrolled");
        if (box.classList.contains("pst-scrollable-table-container")) box.setAttribute("tabindex", "0");
        hint(JA ? "表を横にスクロールすると、すべての列が見られます。" : "Scroll the table sideways to see all its columns.", box);
      }
    });
  }

  function layoutFigures() {
    let scrolled = 0;
    document.querySelectorAll("main .cell_output img, main .book-slider img, main figure img").forEach(function (img) {
      let box = img.parentElement;
      if (!box.classList.contains("phone-figure")) {
        box = document.createElement("div");
        box.className = "phone-figure";
        img.parentElement.insertBefore(box, img);
        box.appendChild(img);
      }
      if (box.previousElementSibling && box.previousElementSibling.matches(".phone-scroll-hint")) {
        box.previousElementSibling.remove();
      }
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      img.style.removeProperty("width");
      if (!PHONE.matches || !img.naturalWidth) return;
      const width = Math.max(box.clientWidth, Math.round(img.naturalWidth * FIGURE_SCALE));
      if (width <= box.clientWidth + 1) return;
      img.style.width = width + "px";
      // A box that scrolls must be reachable and named for a keyboard or screen-reader user.
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      scrolled += 1;
      box.setAttribute(
        "aria-label",
        JA ? "このページの図 " + scrolled + "（横にスクロールできます）" : "Figure " + scrolled + " of this page, scrolls sideways"
      );
      hint(JA ? "図を横にスワイプすると全体が見られます。" : "Swipe the figure sideways to see all of it.", box);
    });
  }

  function layout() {
    layoutTables();
    layoutFigures();
  }

  window.addEventListener("load", function () {
    layout();
    // Typeset formulas change the tables' widths: measure again once MathJax is done.
    if (window.MathJax && window.MathJax.startup && window.MathJax.startup.promise) {
      window.MathJax.startup.promise.then(layout);
    }
    PHONE.addEventListener("change", layout);
  });
})();

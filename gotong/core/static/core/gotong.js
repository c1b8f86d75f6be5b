/* Site-wide behaviour without inline handlers (the Content-Security-Policy allows no inline script).
   No select sends its form when changed: moving through a list with the arrow keys changes it at every step, and a
   page that reloads then fails WCAG 3.2.2; a button sends the form. <select data-clear-on-change="name"> empties that
   other field when changed (a choice that no longer fits). */
"use strict";
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-clear-on-change]");
  if (!select || !select.form) return;
  const other = select.form.elements[select.dataset.clearOnChange];
  if (other) other.value = "";
});

/* After a refused submit the page comes back with errors: put the keyboard and the screen reader on the form's error
   box, else on the first field marked aria-invalid (its aria-describedby reads the error), not on the top of the page.
   Also for a form htmx swaps back in. */
function focusFirstProblem(root) {
  const summary = root.querySelector("form .alert-danger");
  const field = root.querySelector("form [aria-invalid='true']:not([type='hidden'])");
  const target = summary || field;
  if (!target) return;
  if (target === summary) target.setAttribute("tabindex", "-1");
  target.focus();
  target.scrollIntoView({ block: "center" });
}
document.addEventListener("DOMContentLoaded", () => {
  const main = document.getElementById("isi");
  if (main) focusFirstProblem(main);
});
document.addEventListener("htmx:afterSwap", (event) => focusFirstProblem(event.detail.elt));

/* A table or code block wider than the screen scrolls sideways: while it does, it is a tab stop, so the keyboard can
   scroll it too (WCAG 2.1.1); on a screen wide enough it is not, so it adds no useless stop. */
function scrollableByKeyboard() {
  for (const box of document.querySelectorAll(".table-responsive, pre")) {
    if (box.scrollWidth > box.clientWidth) {
      if (box.hasAttribute("tabindex")) continue;
      box.setAttribute("tabindex", "0");
      box.dataset.scrollStop = "";
    } else if ("scrollStop" in box.dataset) {
      box.removeAttribute("tabindex");
      delete box.dataset.scrollStop;
    }
  }
}
document.addEventListener("DOMContentLoaded", scrollableByKeyboard);
window.addEventListener("resize", scrollableByKeyboard);
document.addEventListener("htmx:afterSwap", scrollableByKeyboard);

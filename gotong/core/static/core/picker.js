/* Type-ahead pickers (gotong/core/pickers): htmx fills the results under the search box; this file turns a click on
   a result into the chosen value (a hidden input), and makes the list usable from the keyboard: ArrowDown from the
   box to the first result, ArrowUp/ArrowDown between results, Enter or Space to choose, Escape back to the box.
   Loaded once however many pickers a page has; no inline handlers (Content-Security-Policy). */
"use strict";
(() => {
  if (window.gotongPicker) return;
  window.gotongPicker = true;

  const searchBox = (picker) => picker.querySelector('input[type="search"]');
  const options = (picker) => Array.from(picker.querySelectorAll("[data-picker-option]"));

  function choose(picker, option) {
    const template = picker.querySelector("[data-picker-template]");
    const chosen = picker.querySelector("[data-picker-chosen]");
    const box = searchBox(picker);
    const block = template.content.firstElementChild.cloneNode(true);
    block.querySelector('input[type="hidden"]').value = option.dataset.value;
    block.querySelector("[data-picker-title]").textContent = option.dataset.title;
    block.querySelector("[data-picker-details]").textContent = option.dataset.details;
    const remove = block.querySelector("[data-picker-remove]");
    remove.setAttribute("aria-label", `${remove.getAttribute("aria-label")} ${option.dataset.title}`);
    const multiple = picker.hasAttribute("data-multiple");
    if (!multiple) chosen.replaceChildren();
    if (multiple && chosen.querySelector(`input[value="${CSS.escape(option.dataset.value)}"]`)) {
      // already chosen
    } else {
      chosen.appendChild(block);
    }
    picker.querySelector("[data-picker-results]").replaceChildren();
    box.value = "";
    if (multiple) {
      box.focus();
    } else {
      box.hidden = true;
      remove.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const option = event.target.closest("[data-picker-option]");
    if (option) {
      choose(option.closest("[data-picker]"), option);
      return;
    }
    const remove = event.target.closest("[data-picker-remove]");
    if (remove) {
      const picker = remove.closest("[data-picker]");
      remove.closest("[data-picker-choice]").remove();
      const box = searchBox(picker);
      box.hidden = false;
      box.focus();
    }
  });

  document.addEventListener("keydown", (event) => {
    const picker = event.target.closest && event.target.closest("[data-picker]");
    if (!picker) return;
    const list = options(picker);
    const box = searchBox(picker);
    if (event.target === box) {
      if (event.key === "ArrowDown" && list.length) {
        event.preventDefault();
        list[0].focus();
      } else if (event.key === "Enter" && list.length) {
        // Enter in the box chooses the only result, or moves to the list; it never sends the form half-filled.
        event.preventDefault();
        if (list.length === 1) choose(picker, list[0]);
        else list[0].focus();
      } else if (event.key === "Escape") {
        picker.querySelector("[data-picker-results]").replaceChildren();
      }
      return;
    }
    const index = list.indexOf(event.target);
    if (index < 0) return;
    if (event.key === "ArrowDown" && index < list.length - 1) {
      event.preventDefault();
      list[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? list[index - 1] : box).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      box.focus();
    }
  });
})();

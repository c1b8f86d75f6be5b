/* Site-wide behaviour without inline handlers (the Content-Security-Policy allows no inline script):
   <select data-autosubmit> sends its form when changed; data-autosubmit-clear="name" first empties that field. */
"use strict";
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (!select || !select.form) return;
  const clear = select.dataset.autosubmitClear;
  if (clear && select.form.elements[clear]) select.form.elements[clear].value = "";
  select.form.submit();
});

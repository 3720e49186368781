// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
  // A second click (or a retry on a slow network) must not send a form twice.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    var buttons = form.querySelectorAll("button[type=submit]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("disabled", "disabled");
    // Re-enable if the user comes back to the page (bfcache) or the request never left.
    setTimeout(function () { delete form.dataset.submitted; for (var j = 0; j < buttons.length; j++) buttons[j].removeAttribute("disabled"); }, 15000);
  });
})();

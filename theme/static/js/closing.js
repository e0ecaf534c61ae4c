// Marks an open listing closed once its closing date has passed in the UK, so a page built
// before then never invites applications after it, even when the nightly rebuild has not run.
(function () {
  "use strict";
  var listing = document.querySelector("[data-closes]");
  if (!listing) {
    return;
  }
  var parts = {};
  new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit"})
    .formatToParts(new Date())
    .forEach(function (part) { parts[part.type] = part.value; });
  // YYYY-MM-DD strings compare as the dates they name.
  var today = parts.year + "-" + parts.month + "-" + parts.day;
  if (today <= listing.getAttribute("data-closes")) {
    return;
  }
  document.querySelectorAll("[data-open-only]").forEach(function (element) { element.hidden = true; });
  document.querySelectorAll("[data-closed-notice]").forEach(function (element) { element.hidden = false; });
})();

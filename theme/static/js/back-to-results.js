// Offers "Back to results" to a returner who came to a listing from search: back to that very
// search, whose words, filters, sort and page are all in its address. Only the board's own
// search page counts, so the link can lead nowhere else.
(function () {
  "use strict";
  var link = document.querySelector("[data-back-to-results]");
  if (!link || !document.referrer) {
    return;
  }
  var from;
  try {
    from = new URL(document.referrer);
  } catch (error) {
    return;
  }
  var search = new URL(link.href);
  if (from.origin !== search.origin || from.pathname !== search.pathname) {
    return;
  }
  link.href = from.href;
  link.hidden = false;
})();

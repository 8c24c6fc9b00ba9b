// storyline's only script: tells a reader of the story list that new articles arrived, and
// brings a cited passage into view. Nothing here reads or writes article text as HTML.
"use strict";
(function () {
  var list = document.querySelector("ol.stories[data-newest]");
  if (list && window.fetch) {
    var newest = parseInt(list.getAttribute("data-newest"), 10) || 0;
    window.setInterval(function () {
      fetch("/api/stories?limit=1", { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (page) {
          if (page && page.items.length && page.items[0].activity > newest) {
            document.getElementById("fresh").hidden = false;
          }
        })
        .catch(function () {});
    }, 15000);
  }
  var cited = document.getElementById("cited");
  if (cited) {
    cited.setAttribute("tabindex", "-1");
    cited.scrollIntoView({ block: "center" });
    cited.focus({ preventScroll: true });
  }
})();

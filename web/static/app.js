// Draws every .chart from its Plotly spec (data-chart) and makes the as-of selector apply on change.
// Everything it needs is served by this app: no network beyond it.
(function () {
  "use strict";
  function draw() {
    if (typeof Plotly === "undefined") return;
    document.querySelectorAll(".chart[data-chart]").forEach(function (el) {
      var spec = JSON.parse(el.getAttribute("data-chart"));
      var layout = Object.assign({margin: {t: 60, r: 20, b: 60, l: 60}, height: 340,
                                  font: {family: "system-ui, sans-serif", size: 12}}, spec.layout || {});
      Plotly.newPlot(el, spec.data, layout, {displayModeBar: false, responsive: true}).then(function () {
        el.setAttribute("data-drawn", "1");
      });
    });
  }
  function asOf() {
    var select = document.getElementById("asof");
    if (!select) return;
    select.addEventListener("change", function () {
      if (!select.value) select.removeAttribute("name");  // "latest": no snapshot_id in the URL
      select.form.submit();
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(); asOf(); });
})();

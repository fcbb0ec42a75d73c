// RigLedger console: a little progressive enhancement; every page works without it.
// 1. Tables with class "sortable": a click (or Enter/Space) on a header sorts by that column, by the
//    cells' data-value when they have one (numbers as numbers), else by their text.
// 2. Charts: a <canvas data-chart="id"> is drawn by Chart.js from the JSON in <script id="id">.
(function () {
  'use strict';

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ''; }
    var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    var n = Number(raw);
    return raw !== '' && !isNaN(n) ? n : raw.toLowerCase();
  }

  function sortBy(table, th, index) {
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function sortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.hasAttribute('data-nosort')) { return; }
      th.setAttribute('aria-sort', 'none');
      th.setAttribute('tabindex', '0');
      th.setAttribute('title', 'Sort by ' + th.textContent.trim());
      th.addEventListener('click', function () { sortBy(table, th, index); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(table, th, index); }
      });
    });
  }

  function charts() {
    if (typeof window.Chart === 'undefined') { return; }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute('data-chart'));
      if (!source) { return; }
      var config = JSON.parse(source.textContent);
      config.options = Object.assign({ animation: false, responsive: true }, config.options || {});
      new window.Chart(canvas, config);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table.sortable').forEach(sortable);
    charts();
  });
}());

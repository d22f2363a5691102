(function () {
  'use strict';
  // Marks every chart with its drawn size (the browser test reads these marks).
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var r = svg.getBoundingClientRect();
    var b = svg.getBBox();
    svg.setAttribute('data-drawn', Math.round(r.width) + 'x' + Math.round(r.height));
    svg.setAttribute('data-content', Math.round(b.width) + 'x' + Math.round(b.height));
  });
  document.querySelectorAll('svg.chart .bar').forEach(function (bar) {
    bar.setAttribute('data-w', bar.getBBox().width.toFixed(1));
  });

  var table = document.getElementById('findings-table');
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var fields = { rule: 'f-rule', sev: 'f-sev', dept: 'f-dept', q: 'f-text' };

  function value(id) {
    var e = document.getElementById(id);
    return e ? e.value : '';
  }

  function apply() {
    var rule = value('f-rule'), sev = value('f-sev'), dept = value('f-dept');
    var text = value('f-text').toLowerCase();
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = (!rule || tr.getAttribute('data-rule') === rule)
        && (!sev || tr.getAttribute('data-sev') === sev)
        && (!dept || tr.getAttribute('data-dept') === dept)
        && (!text || tr.textContent.toLowerCase().indexOf(text) >= 0);
      tr.hidden = !ok;
      if (ok) {
        shown++;
      }
    });
    var count = document.getElementById('f-count');
    count.textContent = '显示 / shown ' + shown + ' / ' + rows.length;
    count.setAttribute('data-shown', String(shown));
  }

  function key(tr, i, kind) {
    var cell = tr.cells[i];
    if (kind === 'rank') {
      return Number(cell.getAttribute('data-rank'));
    }
    if (kind === 'num') {
      return Number(cell.textContent) || 0;
    }
    return cell.textContent;
  }

  function sort(i, descending) {
    var th = table.tHead.rows[0].cells[i];
    var kind = th.getAttribute('data-sort');
    rows.sort(function (a, b) {
      var x = key(a, i, kind), y = key(b, i, kind);
      var c = typeof x === 'number' ? x - y : x.localeCompare(y, 'zh-CN', { numeric: true });
      return descending ? -c : c;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
    rows.forEach(function (tr) {
      body.appendChild(tr);
    });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener('click', function () {
      sort(i, th.getAttribute('aria-sort') === 'ascending');
    });
  });
  Object.keys(fields).forEach(function (k) {
    var e = document.getElementById(fields[k]);
    e.addEventListener(e.tagName === 'INPUT' ? 'input' : 'change', apply);
  });

  // A link can carry a view: report.html#sev=RED&dept=D01&rule=…&q=…&sort=1-desc
  var params = new URLSearchParams(window.location.hash.slice(1));
  Object.keys(fields).forEach(function (k) {
    if (params.has(k)) {
      document.getElementById(fields[k]).value = params.get(k);
    }
  });
  var s = /^(\d+)-(asc|desc)$/.exec(params.get('sort') || '');
  if (s && Number(s[1]) < table.tHead.rows[0].cells.length) {
    sort(Number(s[1]), s[2] === 'desc');
  }
  apply();
})();

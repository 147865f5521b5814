/**
 * The sheet view's page: plain HTML and script, no framework. Every value from the sheet is put in the
 * page as text (textContent), never as HTML, so a cell that holds markup or a formula shows as typed.
 */
export const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Emulated Google Sheet · Midtrans playground</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;color:#1f2937}
header{background:#0f9d58;color:#fff;padding:10px 16px}header h1{font-size:17px;margin:0}header p{margin:4px 0 0;font-size:12px;opacity:.9}
#menu{padding:8px 16px;background:#f1f3f4;border-bottom:1px solid #dadce0;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
#menu .label{font-weight:600;margin-right:4px}
button{font:inherit;padding:4px 10px;border:1px solid #9aa0a6;border-radius:4px;background:#fff;cursor:pointer}button:hover{background:#e8f0fe}
#tabs{display:flex;gap:2px;padding:0 16px;background:#f8f9fa;border-bottom:1px solid #dadce0}
#charts{padding:0 16px}.chart{border:1px solid #dadce0;padding:8px 12px;max-width:720px}.chart figcaption{font-weight:600;margin-bottom:6px}.bar{display:flex;align-items:center;gap:8px;margin:3px 0}.bar .label{width:110px;font-size:12px}.bar .fill{background:#0f9d58;color:#fff;font-size:11px;padding:2px 4px;min-width:2em}
#tabs button{border:none;border-radius:0;background:none;padding:8px 14px}#tabs button.active{border-bottom:3px solid #0f9d58;font-weight:600}
main{padding:12px 16px}
.wrap{overflow:auto;max-height:55vh;border:1px solid #dadce0}
table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #e0e0e0;padding:3px 5px;white-space:nowrap;max-width:120px;overflow:hidden;text-overflow:ellipsis}th{white-space:normal;min-width:40px;cursor:text}
th{background:#f8f9fa;position:sticky;top:0}td.n{background:#f8f9fa;color:#5f6368;text-align:right}td.c{cursor:text}td.c:hover{outline:1px solid #1a73e8}
td input{font:inherit;width:100%;box-sizing:border-box}
#add{margin-top:10px;display:flex;flex-wrap:wrap;gap:6px;align-items:flex-end}#add label{display:flex;flex-direction:column;font-size:11px;color:#5f6368}#add input{width:110px}
#log{margin-top:12px;font-size:13px}#log div{border-left:3px solid #0f9d58;padding:2px 8px;margin:4px 0;white-space:pre-wrap}#log div.err{border-color:#d93025;color:#b3261e}
.muted{color:#5f6368;font-size:12px}
header label{font-size:12px;float:right;margin-top:-30px}header select{font:inherit}
#layout{display:flex;gap:12px;align-items:flex-start}#layout main{flex:1;min-width:0}
#sidebar{width:320px;border-left:1px solid #dadce0;display:none;flex-direction:column}#sidebar.open{display:flex}#sidebar .bar{display:flex;justify-content:space-between;align-items:center;padding:6px 8px;background:#f1f3f4;font-weight:600}#sidebar iframe{border:none;width:320px;height:80vh}
</style></head><body>
<header><h1>Emulated Google Sheet</h1><p>The Sheets add-on running in the Apps Script emulator against the Midtrans simulator. Click a cell (or a header) to edit it, add rows below, run the Midtrans menu from the buttons.</p>
<label>Your Google language: <select id="language"><option value="en">English</option><option value="id">Bahasa Indonesia</option></select></label></header>
<div id="menu"><span class="label">Midtrans menu:</span></div>
<div id="tabs"></div>
<div id="layout"><main>
<div class="muted" id="hint">Tick rows to select them for the "selected rows" items. <label><input type="checkbox" id="no"> answer No to confirmations</label></div>
<div class="wrap"><table id="grid"></table></div>
<div id="charts"></div>
<form id="add"></form>
<div id="log"></div>
<section id="clock-box"><span class="label">Emulated clock:</span> <span id="clock"></span> <button id="next-day" type="button">Next day</button> <span class="muted">moves the clock 24 hours (the simulator's too), resets the day's quotas and runs the triggers then due, such as the daily reminders</span></section>
<section id="mail"><h2>Emails sent (emulated MailApp)</h2><div id="emails" class="muted">None yet.</div></section>
</main><aside id="sidebar"><div class="bar"><span id="sidebar-title"></span><button id="sidebar-close" type="button">×</button></div><iframe id="sidebar-frame" title="sidebar"></iframe></aside></div>
<script>
(function () {
  var state = { sheets: [], menu: [] }, active = null, selected = {}, editing = false;
  function el(tag, props, text) { var e = document.createElement(tag); for (var k in props || {}) e.setAttribute(k, props[k]); if (text !== undefined) e.textContent = text; return e; }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.error || r.status); return j; }); });
  }
  function log(text, err) { var d = el('div', err ? { class: 'err' } : {}, text); var l = document.getElementById('log'); l.insertBefore(d, l.firstChild); }
  function sheet() { return state.sheets.filter(function (s) { return s.name === active; })[0]; }
  function renderMenu() {
    var m = document.getElementById('menu');
    while (m.children.length > 1) m.removeChild(m.lastChild);
    state.menu.forEach(function (item) {
      var b = el('button', { 'data-fn': item.functionName, title: item.menu + ' › ' + item.caption }, item.caption);
      b.onclick = function () { run(item); };
      m.appendChild(b);
    });
  }
  // Hidden sheets get no tab, as in Sheets (View ▸ Hidden sheets lists them); a note says how many.
  function renderTabs() {
    var t = document.getElementById('tabs'); t.textContent = '';
    var hidden = 0;
    state.sheets.forEach(function (s) {
      if (s.hidden) { hidden++; return; }
      var b = el('button', { 'data-sheet': s.name, class: s.name === active ? 'active' : '' }, s.name);
      b.onclick = function () { active = s.name; selected = {}; render(); };
      t.appendChild(b);
    });
    if (hidden) t.appendChild(el('span', { class: 'muted', id: 'hidden-sheets', style: 'padding:8px' }, hidden + ' hidden sheet' + (hidden > 1 ? 's' : '')));
  }
  /** A sidebar the add-on opened, with google.script.run routed to the emulated script. */
  var RUN_SHIM = '<script>(function(){function runner(ok,fail){return new Proxy({},{get:function(_t,name){' +
    'if(name==="withSuccessHandler")return function(f){return runner(f,fail)};if(name==="withFailureHandler")return function(f){return runner(ok,f)};' +
    'return function(arg){fetch("/api/call",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({name:name,arg:arg})})' +
    '.then(function(r){return r.json().then(function(j){if(!r.ok)throw new Error(j.error||r.status);return j.value})})' +
    '.then(function(v){if(ok)ok(v);parent.postMessage("sidebar-call","*")},function(e){if(fail)fail(e)})}}})}window.google={script:{run:runner()}}})();<\\/script>';
  function openSidebar(s) {
    document.getElementById('sidebar-title').textContent = s.title;
    document.getElementById('sidebar-frame').srcdoc = s.html.replace('<head>', '<head>' + RUN_SHIM);
    document.getElementById('sidebar').className = 'open';
  }
  document.getElementById('sidebar-close').onclick = function () { document.getElementById('sidebar').className = ''; };
  window.addEventListener('message', function (ev) { if (ev.data === 'sidebar-call') refresh(); });
  document.getElementById('language').onchange = function () {
    post('/api/language', { language: document.getElementById('language').value }).then(function () { active = null; refresh(); }, function (e) { log(e.message, true); });
  };
  function renderGrid() {
    var g = document.getElementById('grid'); g.textContent = '';
    var s = sheet(); if (!s) return;
    // One empty column past the last: a person adds a column (WhatsApp, say) by typing its header there.
    var width = s.rows.reduce(function (w, r) { return Math.max(w, r.length); }, 0) + 1;
    s.rows.forEach(function (r, i) {
      var tr = el('tr', { 'data-row': String(i + 1) });
      var n = el('td', { class: 'n' });
      if (i > 0) { var cb = el('input', { type: 'checkbox', 'data-select': String(i + 1) }); cb.checked = !!selected[i + 1]; cb.onchange = function () { selected[i + 1] = cb.checked; }; n.appendChild(cb); }
      n.appendChild(document.createTextNode(' ' + (i + 1))); tr.appendChild(n);
      for (var c = 0; c < width; c++) {
        var v = r[c] === null || r[c] === undefined ? '' : String(r[c]);
        var td = el(i === 0 ? 'th' : 'td', { 'data-col': String(c + 1), class: i === 0 ? 'h' : 'c' });
        if (i > 0 && /^https?:\\/\\//.test(v)) { var a = el('a', { href: v, target: '_blank', rel: 'noopener' }, v); td.appendChild(a); } else td.textContent = v;
        td.title = v;
        td.onclick = edit(td, i + 1, c + 1, v);
        tr.appendChild(td);
      }
      g.appendChild(tr);
    });
    var f = document.getElementById('add');
    var header = (s.rows[0] || []).map(String).filter(function (h) { return h !== ''; });
    // Rebuilt only when the sheet or its header changes, so what a person is typing there survives a refresh.
    var key = s.name + '\u0001' + header.join('\u0001');
    if (f.getAttribute('data-key') === key) return;
    f.setAttribute('data-key', key); f.textContent = '';
    if (!header.length) return;
    header.forEach(function (h) { var l = el('label', {}, h); l.appendChild(el('input', { name: h, 'data-field': h })); f.appendChild(l); });
    var b = el('button', { type: 'submit', id: 'add-row' }, 'Add row'); f.appendChild(b);
    f.onsubmit = function (ev) {
      ev.preventDefault();
      var values = {}; header.forEach(function (h) { var v = f.querySelector('[data-field="' + CSS.escape(h) + '"]').value; if (v !== '') values[h] = v; });
      post('/api/row', { sheet: s.name, values: values }).then(function (r) { log('Row ' + r.row + ' added to ' + s.name + '.'); f.reset(); refresh(); }, function (e) { log(e.message, true); });
    };
  }
  function edit(td, row, col, value) {
    return function (ev) {
      if (ev.target.tagName === 'A' || td.querySelector('input')) return;
      editing = true;
      var input = el('input', { 'data-editing': row + ':' + col }); input.value = value;
      td.textContent = ''; td.appendChild(input); input.focus(); input.select();
      var done = false;
      function commit(save) {
        if (done) return; done = true; editing = false;
        if (!save || input.value === value) { render(); return; }
        post('/api/cell', { sheet: active, row: row, column: col, value: input.value }).then(refresh, function (e) { log(e.message, true); refresh(); });
      }
      input.onkeydown = function (k) { if (k.key === 'Enter') commit(true); if (k.key === 'Escape') commit(false); };
      input.onblur = function () { commit(true); };
    };
  }
  function run(item) {
    var rows = Object.keys(selected).filter(function (k) { return selected[k]; }).map(Number);
    log('Running ' + item.caption + '…');
    post('/api/run', { functionName: item.functionName, sheet: active, rows: rows, answer: document.getElementById('no').checked ? 'NO' : 'YES' }).then(function (r) {
      var lines = [item.caption + (r.error ? ' failed: ' + r.error : ' finished.')].concat(r.alerts.map(function (a) { return 'Alert: ' + a; }), r.toasts.map(function (t) { return 'Toast: ' + t; }), r.dialogs);
      log(lines.join('\\n'), !!r.error); (r.sidebars || []).forEach(openSidebar); refresh();
    }, function (e) { log(e.message, true); });
  }
  // A chart is drawn as plain bars: the first range labels them, the second gives their heights (a header row names them).
  function renderCharts() {
    var box = document.getElementById('charts'); box.textContent = '';
    var s = sheet(); if (!s) return;
    (s.charts || []).forEach(function (c) {
      var fig = el('figure', { class: 'chart', 'data-chart': c.type });
      fig.appendChild(el('figcaption', {}, c.title + ' (' + c.type + ' chart)'));
      var labels = c.series[0] || [], heights = c.series[1] || c.series[0] || [];
      var max = heights.reduce(function (m, v) { return Math.max(m, Number(v) || 0); }, 0) || 1;
      heights.forEach(function (v, i) {
        if (v === '' || isNaN(Number(v))) return; // the range's header row names the series; it is no bar
        var bar = el('div', { class: 'bar', title: String(labels[i]) + ': ' + String(v) });
        bar.appendChild(el('span', { class: 'label' }, String(labels[i])));
        var fill = el('span', { class: 'fill' }, String(v)); fill.style.width = Math.round(60 * (Number(v) || 0) / max) + '%';
        bar.appendChild(fill); fig.appendChild(bar);
      });
      box.appendChild(fig);
    });
  }
  function renderMail() {
    document.getElementById('clock').textContent = state.clock || '';
    var box = document.getElementById('emails'); box.textContent = '';
    if (!state.emails || state.emails.length === 0) { box.textContent = 'None yet.'; return; }
    state.emails.forEach(function (m) {
      var d = el('details', { class: 'email' });
      d.appendChild(el('summary', {}, m.at + ' to ' + m.to + ': ' + m.subject));
      d.appendChild(el('pre', {}, m.body));
      box.appendChild(d);
    });
  }
  document.getElementById('next-day').onclick = function () {
    post('/api/next-day', {}).then(function (r) { log('Next day: ' + r.clock + (r.triggers.length ? ' (' + r.triggers.join('; ') + ')' : ' (no trigger due)')); refresh(); }, function (e) { log(e.message, true); });
  };
  function render() { renderMenu(); renderTabs(); renderGrid(); renderCharts(); renderMail(); }
  function refresh() {
    return fetch('/api/state').then(function (r) { return r.json(); }).then(function (s) {
      state = s;
      document.getElementById('language').value = s.language || 'en';
      document.documentElement.lang = s.language || 'en';
      if (!active || !sheet()) active = (s.sheets.filter(function (x) { return x.name === 'Invoices' || x.name === 'Tagihan'; })[0] || s.sheets.filter(function (x) { return !x.hidden; })[0] || {}).name || null;
      if (!editing) render();
      document.body.setAttribute('data-ready', '1');
    });
  }
  refresh(); setInterval(function () { if (!editing) refresh(); }, 2000);
})();
</script></body></html>`;

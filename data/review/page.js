// zhen-tm review page. Plain script, no libraries, nothing fetched: the page must work
// offline. Text is only ever inserted as DOM text nodes (sentences are user input).
// Decisions are carried out here exactly as src/review/decide.rs carries them out in
// `zhen-tm apply`; the page keeps the list of decisions (in localStorage, and in the saved
// file) and rebuilds its rows from the exported ones by replaying it.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('review-data').textContent);
  var S = D.s; // sentences by number: [lang, text, unit, kind, speaker]
  var KEY = 'zhen-tm-review:' + D.doc.id + ':' + D.fp;
  var tbody = document.querySelector('#rows tbody');
  var rows = [];
  var ops = [];
  var cur = -1; // index of the current row
  var armed = null; // split in progress: {i, side, k}
  var picked = null; // unaligned sentence chosen for pairing
  var saved = true;
  var suspects = []; // indices of suspect rows, ascending
  var belowInput = document.getElementById('below');
  var onlyBox = document.getElementById('only');
  belowInput.value = String(D.below);

  function initialRows() {
    return D.rows.map(function (r) {
      if (r.u !== undefined) return { u: r.u };
      var m = D.p[r.p];
      return { m: m, en: r.en.slice(), zh: r.zh.slice(), ok: !!m.reviewed, score: m.score, made: false };
    });
  }
  function isPair(r) { return r.u === undefined; }
  function rowOf(rs, s) {
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (isPair(r) ? (r.en.indexOf(s) >= 0 || r.zh.indexOf(s) >= 0) : r.u === s) return i;
    }
    return -1;
  }
  function pairOf(rs, s) { var i = rowOf(rs, s); return i >= 0 && isPair(rs[i]) ? i : -1; }
  function neighbour(rs, i, to) {
    var j;
    if (to === 'prev') { for (j = i - 1; j >= 0; j--) if (isPair(rs[j])) return j; }
    else { for (j = i + 1; j < rs.length; j++) if (isPair(rs[j])) return j; }
    return -1;
  }
  function loose(list) { return list.map(function (s) { return { u: s }; }); }

  // Carries out one decision on rows `rs`; returns null, or why it does not fit.
  function apply(rs, op) {
    var i, j, r, n, side;
    if (op.op === 'pair') {
      var a = rowOf(rs, op.en), b = rowOf(rs, op.zh);
      if (a < 0 || b < 0) return 'no such sentence';
      if (S[op.en][0] !== 'en' || S[op.zh][0] !== 'zh') return 'pair an English sentence with a Chinese one';
      if (isPair(rs[a]) || isPair(rs[b])) return 'already in a pair';
      var made = { m: null, en: [op.en], zh: [op.zh], ok: true, score: 0, made: true };
      rs[Math.min(a, b)] = made;
      rs.splice(Math.max(a, b), 1);
      return null;
    }
    i = pairOf(rs, op.sentence);
    if (i < 0) return 'sentence ' + op.sentence + ' is not in a pair';
    r = rs[i];
    switch (op.op) {
      case 'accept':
        r.ok = true;
        return null;
      case 'reject':
        rs.splice.apply(rs, [i, 1].concat(loose(r.en.concat(r.zh))));
        return null;
      case 'merge':
        j = neighbour(rs, i, 'next');
        if (j < 0) return 'this is the last pair';
        n = rs.splice(j, 1)[0];
        r.en = r.en.concat(n.en);
        r.zh = r.zh.concat(n.zh);
        r.score = Math.min(r.score, n.score);
        r.ok = true;
        return null;
      case 'split':
        var e = op.en, z = op.zh;
        if (!(e >= 0 && z >= 0 && e <= r.en.length && z <= r.zh.length) ||
            (e === 0 && z === 0) || (e === r.en.length && z === r.zh.length)) return 'not a split';
        var parts = [
          { m: r.m, en: r.en.slice(0, e), zh: r.zh.slice(0, z), ok: true, score: r.score, made: r.made },
          { m: r.m, en: r.en.slice(e), zh: r.zh.slice(z), ok: true, score: r.score, made: true }
        ];
        var out = [];
        parts.forEach(function (p) {
          if (p.en.length && p.zh.length) out.push(p); else out = out.concat(loose(p.en.concat(p.zh)));
        });
        rs.splice.apply(rs, [i, 1].concat(out));
        return null;
      case 'move':
        var lang = S[op.sentence][0];
        j = neighbour(rs, i, op.to);
        if (j < 0) return 'no neighbouring pair there';
        side = r[lang];
        var edge = op.to === 'prev' ? side[0] === op.sentence : side[side.length - 1] === op.sentence;
        if (!edge || side.length < 2) return 'only the first or last of two or more sentences can move';
        r[lang] = side.filter(function (s) { return s !== op.sentence; });
        r.ok = true;
        if (op.to === 'prev') rs[j][lang] = rs[j][lang].concat([op.sentence]);
        else rs[j][lang] = [op.sentence].concat(rs[j][lang]);
        rs[j].ok = true;
        return null;
    }
    return 'unknown decision ' + op.op;
  }

  function replay(list) {
    rows = initialRows();
    var kept = [];
    list.forEach(function (op) { if (op && apply(rows, op) === null) kept.push(op); });
    return kept;
  }

  function persist() {
    try { localStorage.setItem(KEY, JSON.stringify(ops)); } catch (e) { /* private mode: the saved file still works */ }
  }

  function decide(op) {
    var err = apply(rows, op);
    if (err) { say(err); return false; }
    ops.push(op);
    saved = false;
    persist();
    armed = null;
    say('');
    render();
    return true;
  }

  function say(text) { document.getElementById('message').textContent = text; }

  function threshold() {
    var x = parseFloat(belowInput.value);
    return isNaN(x) ? D.below : x;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.appendChild(document.createTextNode(String(text)));
    return e;
  }
  function button(cls, label, attrs, title) {
    var b = el('button', cls, label);
    b.type = 'button';
    if (title) b.title = title;
    Object.keys(attrs).forEach(function (k) { b.setAttribute('data-' + k, attrs[k]); });
    return b;
  }

  function unitLabel(r) {
    var m = r.m, first = S[r.en[0]];
    var kind = m ? m.kind : first[3], unit = m ? m.unit : first[2];
    var se = m ? m.se : first[4], sz = m ? m.sz : S[r.zh[0]][4];
    var who = [se, sz].filter(function (x) { return x; }).join(' / ');
    return { key: kind + ':' + unit, text: kind + ' ' + unit + (who ? ' \u00b7 ' + who : '') };
  }

  function sideCell(r, i, lang) {
    var td = el('td', lang);
    var list = r[lang];
    var armedHere = armed && armed.i === i;
    list.forEach(function (s, k) {
      if (armedHere && armed.side !== lang) td.appendChild(button('cut2', '\u2702', { side: lang, k: k }, 'split here'));
      else if (k > 0) {
        var cls = 'cut' + (armedHere && armed.side === lang && armed.k === k ? ' armed' : '');
        td.appendChild(button(cls, '\u2702', { side: lang, k: k }, 'split between these sentences'));
      }
      if (k === 0 && list.length > 1) td.appendChild(button('mv', '\u2191', { s: s, to: 'prev' }, 'move to the previous pair'));
      var span = el('span', 's', S[s][1]);
      span.setAttribute('data-s', s);
      td.appendChild(span);
      if (k === list.length - 1 && list.length > 1) td.appendChild(button('mv', '\u2193', { s: s, to: 'next' }, 'move to the next pair'));
    });
    if (armedHere && armed.side !== lang) td.appendChild(button('cut2', '\u2702', { side: lang, k: list.length }, 'split here'));
    return td;
  }

  function render() {
    var t0 = performance.now();
    var below = threshold();
    var frag = document.createDocumentFragment();
    var lastUnit = null, nPair = 0, nLow = 0, nOk = 0, nLoose = 0;
    suspects = [];
    rows.forEach(function (r, i) {
      var tr;
      if (isPair(r)) {
        nPair++;
        var u = unitLabel(r);
        if (u.key !== lastUnit) {
          var head = el('tr', 'unit');
          var td = el('td', null, u.text);
          td.colSpan = 6;
          head.appendChild(td);
          frag.appendChild(head);
          lastUnit = u.key;
        }
        var low = !r.made && r.score < below;
        if (low) nLow++;
        if (r.ok) nOk++;
        if (low && !r.ok) suspects.push(i);
        tr = el('tr', 'pair' + (low ? ' low' : ' hi') + (r.ok ? ' ok' : ''));
        tr.setAttribute('data-first', r.en[0]);
        var num = el('td', 'num', nPair);
        var id = r.made ? 'new' : r.m.id;
        if (id.indexOf(D.doc.id + '-') === 0) id = id.slice(D.doc.id.length + 1);
        num.appendChild(el('small', null, id));
        tr.appendChild(num);
        tr.appendChild(el('td', 'score', r.made ? '\u2014' : r.score.toFixed(3)));
        tr.appendChild(el('td', 'bead', r.en.length + '-' + r.zh.length));
        tr.appendChild(sideCell(r, i, 'en'));
        tr.appendChild(sideCell(r, i, 'zh'));
        var act = el('td', 'act');
        act.appendChild(button('', '\u2713', { act: 'accept' }, 'accept (a)'));
        act.appendChild(button('', '\u2717', { act: 'reject' }, 'reject: the sentences become unaligned (r)'));
        act.appendChild(button('', 'merge \u2193', { act: 'merge' }, 'merge with the next pair (m)'));
        tr.appendChild(act);
      } else {
        nLoose++;
        var s = S[r.u];
        tr = el('tr', 'loose ' + s[0] + (picked === r.u ? ' picked' : ''));
        tr.setAttribute('data-first', r.u);
        tr.appendChild(el('td', 'num'));
        tr.appendChild(el('td', 'score'));
        tr.appendChild(el('td', 'bead'));
        ['en', 'zh'].forEach(function (lang) {
          var td = el('td', lang);
          if (lang === s[0]) {
            td.appendChild(el('span', 'tag', 'unaligned \u00b7 ' + s[3] + (s[4] ? ' \u00b7 ' + s[4] : '')));
            var span = el('span', 's', s[1]);
            span.setAttribute('data-s', r.u);
            td.appendChild(span);
          }
          tr.appendChild(td);
        });
        var act2 = el('td', 'act');
        act2.appendChild(button('', 'pair', { act: 'pick' }, 'pair with an unaligned sentence of the other language'));
        tr.appendChild(act2);
      }
      tr.setAttribute('data-i', i);
      if (i === cur) tr.className += ' cur';
      frag.appendChild(tr);
    });
    tbody.textContent = '';
    tbody.appendChild(frag);
    document.getElementById('status').textContent =
      nPair + ' pairs, ' + nLow + ' below ' + below + ', ' + nOk + ' reviewed, ' + nLoose +
      ' unaligned \u00b7 ' + ops.length + ' decisions' + (saved ? '' : ' (not saved)');
    api.renderMs = performance.now() - t0;
  }

  function rowElement(i) { return tbody.querySelector('tr[data-i="' + i + '"]'); }

  function setCurrent(i, scroll) {
    if (i < 0 || i >= rows.length) return;
    var old = rowElement(cur);
    if (old) old.classList.remove('cur');
    cur = i;
    var tr = rowElement(i);
    if (tr) {
      tr.classList.add('cur');
      if (scroll) tr.scrollIntoView({ block: 'center' });
    }
  }

  // The next (dir 1) or previous (dir -1) suspect pair from the current row: a binary
  // search over the suspect indices, so it is instant on any length.
  function suspect(dir) {
    var lo = 0, hi = suspects.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (suspects[mid] <= cur) lo = mid + 1; else hi = mid; }
    var k = dir > 0 ? lo : lo - 1;
    if (dir < 0 && k >= 0 && suspects[k] === cur) k--;
    if (k < 0 || k >= suspects.length) { say('no ' + (dir > 0 ? 'further' : 'earlier') + ' suspect pair'); return; }
    say('');
    setCurrent(suspects[k], true);
  }

  function firstSentence(i) { var r = rows[i]; return r && isPair(r) ? r.en[0] : -1; }

  function act(name, i) {
    var s = firstSentence(i);
    if (s < 0) { say('choose a pair first'); return; }
    decide({ op: name, sentence: s });
  }

  function pick(i) {
    var s = rows[i].u;
    if (picked === null || S[picked][0] === S[s][0]) {
      picked = picked === s ? null : s;
      say(picked === null ? '' : 'now choose an unaligned sentence of the other language');
      render();
      return;
    }
    var en = S[s][0] === 'en' ? s : picked, zh = S[s][0] === 'zh' ? s : picked;
    picked = null;
    decide({ op: 'pair', en: en, zh: zh });
  }

  function save() {
    var out = { zhen_tm_decisions: 1, document: D.doc.id, fingerprint: D.fp, decisions: ops };
    var blob = new Blob([JSON.stringify(out, null, 1) + '\n'], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = D.doc.id + '.decisions.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    saved = true;
    render();
  }

  tbody.addEventListener('click', function (ev) {
    var b = ev.target.closest('button');
    var tr = ev.target.closest('tr[data-i]');
    if (!tr) return;
    var i = parseInt(tr.getAttribute('data-i'), 10);
    setCurrent(i, false);
    if (!b) return;
    var d = b.dataset;
    if (d.act === 'pick') pick(i);
    else if (d.act) act(d.act, i);
    else if (d.to) decide({ op: 'move', sentence: parseInt(d.s, 10), to: d.to });
    else if (d.side) {
      var k = parseInt(d.k, 10), r = rows[i];
      if (armed && armed.i === i && armed.side !== d.side) {
        var en = d.side === 'en' ? k : armed.k, zh = d.side === 'zh' ? k : armed.k;
        decide({ op: 'split', sentence: r.en[0], en: en, zh: zh });
      } else {
        armed = { i: i, side: d.side, k: k };
        say('now choose where the ' + (d.side === 'en' ? 'Chinese' : 'English') + ' side splits (Esc cancels)');
        render();
      }
    }
  });

  document.addEventListener('keydown', function (ev) {
    if (ev.target && (ev.target.tagName === 'INPUT' || ev.ctrlKey || ev.metaKey || ev.altKey)) return;
    var k = ev.key;
    if (k === 'n') suspect(1);
    else if (k === 'p') suspect(-1);
    else if (k === 'j') setCurrent(Math.min(cur + 1, rows.length - 1), true);
    else if (k === 'k') setCurrent(Math.max(cur - 1, 0), true);
    else if (k === 'a') act('accept', cur);
    else if (k === 'r') act('reject', cur);
    else if (k === 'm') act('merge', cur);
    else if (k === 'u') undo();
    else if (k === 's') save();
    else if (k === 'Escape') { armed = null; picked = null; say(''); render(); }
    else return;
    ev.preventDefault();
  });

  function undo() {
    if (!ops.length) { say('nothing to undo'); return; }
    ops.pop();
    ops = replay(ops);
    saved = false;
    persist();
    armed = null;
    render();
  }

  document.getElementById('next-suspect').addEventListener('click', function () { suspect(1); });
  document.getElementById('prev-suspect').addEventListener('click', function () { suspect(-1); });
  document.getElementById('undo').addEventListener('click', undo);
  document.getElementById('save').addEventListener('click', save);
  belowInput.addEventListener('change', render);
  onlyBox.addEventListener('change', function () { tbody.classList.toggle('only', onlyBox.checked); });

  var api = { renderMs: 0, state: function () { return { rows: rows, ops: ops }; } };
  window.zhenTmReview = api;

  document.getElementById('doc-id').textContent = D.doc.id;
  document.getElementById('doc-meta').textContent = [D.doc.source, D.doc.date || '',
    D.doc.agreement !== null && D.doc.agreement !== undefined ? 'agreement ' + D.doc.agreement : '']
    .filter(function (x) { return x; }).join(' \u00b7 ');
  var stored = [];
  try { stored = JSON.parse(localStorage.getItem(KEY) || '[]'); } catch (e) { stored = []; }
  ops = replay(Array.isArray(stored) ? stored : []);
  if (ops.length) { saved = false; say(ops.length + ' decisions restored from this browser'); }
  render();
})();

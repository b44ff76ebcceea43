// The appeal (news.masthead.appeals): the server decides, this shows it and sends the answer.
(function () {
  'use strict';
  var me = document.currentScript, K = 'mh_appeal', X = 'mh_appeal_x', tok;
  if (!me || !window.fetch) { return; }
  function get(s, k) { try { return window[s].getItem(k) || ''; } catch (e) { return ''; } }
  function put(s, k, v) { try { window[s].setItem(k, v); } catch (e) {} }
  function keep(j) { if (j && j.state) { put('localStorage', K, JSON.stringify(j.state)); } return j; }
  function closed() { var c = get('sessionStorage', X); return /^[0-9,]{0,200}$/.test(c) ? c : ''; }

  // the token only when needed: no race with consent.js for the CSRF cookie
  function token(again) {
    return tok && !again ? Promise.resolve(tok) : fetch('/appeals/token', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); }).then(function (t) { return (tok = t.csrf); });
  }

  function post(path, data, again) {
    return token(again).then(function (t) {
      var b = new URLSearchParams(data);
      b.set('state', get('localStorage', K));
      b.set('_csrf', t);
      return fetch(path, { method: 'POST', body: b, credentials: 'same-origin', keepalive: true });
    }).then(function (r) {
      if (r.status === 403 && !again) { return post(path, data, 1); }
      return r.ok ? r.json().then(keep) : null;
    });
  }

  function show(a) {
    var box = document.createElement('div'), el, back = document.activeElement, done;
    box.innerHTML = a.html;
    el = box.firstElementChild;
    var ps = document.querySelectorAll('.article-body > p'), p = ps[Math.min(a.after, ps.length) - 1];
    if (a.format === 'inline' && p) { p.after(el); } else { document.body.appendChild(el); }
    function answer(act) {
      if (act !== 'click') {
        done = 1;
        if (el.open) { el.close(); }
        el.remove();
        if (back && back.focus) { back.focus(); }
      }
      if (act === 'close') { put('sessionStorage', X, (closed() ? closed() + ',' : '') + a.id); }
      post('/appeals/answer', { event: act, appeal: a.id, variant: a.variant }).catch(function () {});
    }
    el.addEventListener('click', function (e) {
      var t = e.target.closest('[data-act]');
      if (t) { answer(t.getAttribute('data-act')); }
    });
    // Esc is the X
    el.addEventListener('close', function () { if (!done) { answer('close'); } });
    if (el.showModal) { el.showModal(); }
    token().catch(function () {});
  }

  var q = 'section=' + encodeURIComponent(me.getAttribute('data-section') || '') + '&closed=' + closed()
    + '&state=' + encodeURIComponent(get('localStorage', K));
  fetch('/appeals/next?' + q, { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(keep)
    .then(function (j) {
      if (!j) { return; }
      if (j.carry) { post('/appeals/carry', {}).catch(function () {}); }
      if (!j.appeal) { return; }
      var l = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = j.appeal.css;
      l.onload = function () { show(j.appeal); };
      document.head.appendChild(l);
    })
    .catch(function () {});
}());

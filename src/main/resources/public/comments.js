// Loads an article's comments into its placeholder and sends the comment forms without leaving the page.
// The article page itself is cached for everyone; this fragment is per reader and never cached.
(function () {
  'use strict';
  var holder = document.getElementById('comments-placeholder');
  if (!holder || !window.fetch) { return; }
  var base = '/comments/' + encodeURIComponent(holder.getAttribute('data-article'));

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var section = doc.querySelector('section.comments');
        if (section) { holder.replaceChildren(document.adoptNode(section)); }
      })
      .catch(function () { /* the noscript-style link stays as the way in */ });
  }

  function showError(message) {
    var box = holder.querySelector('.comment-error');
    if (box) { box.textContent = message; box.hidden = false; }
  }

  holder.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    event.preventDefault();
    var fields = new FormData(form);
    var init = function (token) {
      var body = new URLSearchParams(fields);
      if (token) { body.set('_csrf', token); }
      return { method: 'POST', credentials: 'same-origin', body: body, headers: { 'Accept': 'application/json' } };
    };
    // the page's shared token (csrf.js): the consent script holds the same one
    (window.mastheadCsrf ? window.mastheadCsrf.send(form.action, init) : fetch(form.action, init(null)))
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (res) {
        if (!res.ok) { showError(res.json.error || 'That did not work.'); return; }
        return load(base + '?fragment&done=' + encodeURIComponent(res.json.done)).then(function () {
          var mine = document.getElementById('comment-' + res.json.id);
          if (mine) { mine.scrollIntoView({ block: 'nearest' }); }
        });
      })
      .catch(function () { showError('That did not work: check your connection and try again.'); });
  });

  holder.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-fragment]');
    if (link && holder.contains(link)) {
      event.preventDefault();
      load(link.getAttribute('data-fragment'));
    }
  });

  // the fragment's forms carry the browser's token: wait until the page's one request (csrf.js) has set
  // it, so this answer does not mint a second, different token on a first visit
  var ready = window.mastheadCsrf ? window.mastheadCsrf.token().catch(function () {}) : Promise.resolve();
  ready.then(function () { load(base + '?fragment'); });
}());

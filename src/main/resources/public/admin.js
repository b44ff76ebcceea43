// Masthead admin: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  var csrfMeta = document.querySelector('meta[name="csrf"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';

  function post(url, params) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params || {})
    });
  }

  // Live Markdown preview: the server renders and sanitizes, exactly as on publish.
  function preview(textarea) {
    var pane = document.getElementById(textarea.getAttribute('data-preview'));
    if (!pane) { return; }
    var timer = null;
    var sent = 0;
    function refresh() {
      var mine = ++sent;
      post('/admin/preview', { body: textarea.value }).then(function (r) {
        return r.ok ? r.text() : Promise.reject(r.status);
      }).then(function (html) {
        if (mine === sent) { pane.innerHTML = html; }
      }).catch(function () { /* keep the last good preview */ });
    }
    textarea.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  // The edit lock: renewed every minute while the page is open, released when it is left.
  function editLock(form) {
    var lockUrl = form.getAttribute('data-lock-url');
    var releaseUrl = form.getAttribute('data-release-url');
    if (!lockUrl) { return; }
    var warning = document.getElementById('lock-lost');
    var submitting = false;
    form.addEventListener('submit', function () { submitting = true; });
    setInterval(function () {
      post(lockUrl).then(function (r) { return r.ok ? r.json() : null; }).then(function (lock) {
        if (lock && !lock.mine && warning) {
          warning.textContent = lock.holder + ' is editing this article now (until ' + lock.until
            + '). Copy your changes before leaving; saving will be refused.';
          warning.hidden = false;
        }
      }).catch(function () { /* offline for a moment: try again next minute */ });
    }, 60000);
    window.addEventListener('pagehide', function () {
      if (!submitting && releaseUrl && navigator.sendBeacon) {
        navigator.sendBeacon(releaseUrl, new URLSearchParams({ _csrf: csrf }));
      }
    });
  }

  // Lead photo picker: searches the photo library; without JS the number field is typed by hand.
  function photoPicker(input) {
    var url = input.getAttribute('data-picker');
    var open = document.createElement('button');
    open.type = 'button';
    open.className = 'secondary';
    open.textContent = 'Choose a photo…';
    var panel = document.createElement('div');
    panel.className = 'photo-picker';
    panel.hidden = true;
    var search = document.createElement('input');
    search.type = 'search';
    search.placeholder = 'Search captions and credits';
    search.setAttribute('aria-label', 'Search photos');
    var results = document.createElement('ul');
    results.className = 'photo-results';
    panel.appendChild(search);
    panel.appendChild(results);
    input.insertAdjacentElement('afterend', panel);
    input.insertAdjacentElement('afterend', open);
    var timer = null;
    function load() {
      fetch(url + '?q=' + encodeURIComponent(search.value), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (photos) {
          results.textContent = '';
          photos.forEach(function (p) {
            var li = document.createElement('li');
            var pick = document.createElement('button');
            pick.type = 'button';
            pick.className = 'photo-choice';
            if (typeof p.src === 'string' && p.src.charAt(0) === '/' && p.src.charAt(1) !== '/') {
              var img = document.createElement('img');
              img.src = p.src;
              img.alt = '';
              pick.appendChild(img);
            }
            var text = document.createElement('span');
            text.textContent = '#' + p.id + ' ' + (p.caption || '') + (p.credit ? ' (' + p.credit + ')' : '');
            pick.appendChild(text);
            pick.addEventListener('click', function () {
              input.value = String(p.id);
              panel.hidden = true;
              input.focus();
            });
            li.appendChild(pick);
            results.appendChild(li);
          });
          if (!photos.length) {
            var none = document.createElement('li');
            none.textContent = 'No photos found.';
            results.appendChild(none);
          }
        }).catch(function () { results.textContent = 'The photo library could not be reached.'; });
    }
    open.addEventListener('click', function () {
      panel.hidden = !panel.hidden;
      if (!panel.hidden) { search.focus(); load(); }
    });
    search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(load, 300); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-preview]').forEach(preview);
    document.querySelectorAll('form[data-lock-url]').forEach(editLock);
    document.querySelectorAll('input[data-picker]').forEach(photoPicker);
  });
})();

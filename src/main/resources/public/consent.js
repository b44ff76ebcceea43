// Cookie consent: shows the banner when this browser has not chosen under the current policy,
// posts the choice, and loads the declared first-party scripts only for granted categories.
(function () {
  'use strict';
  var banner = document.getElementById('consent-banner');
  if (!banner || !window.fetch) { return; }
  var form = banner.querySelector('form');
  var choices = banner.querySelector('.consent-choices');
  var choose = banner.querySelector('[data-consent=choose]');
  var gpc = navigator.globalPrivacyControl === true;
  var state = { granted: [] };
  var loaded = {};
  var opener = null;
  var ready = false;
  var refused = function (c) { return gpc && (c === 'analytics' || c === 'advertising'); };

  function load(scripts) {
    (scripts || []).forEach(function (s) {
      if (loaded[s.url] || refused(s.category) || s.url.charAt(0) !== '/' || s.url.charAt(1) === '/') { return; }
      loaded[s.url] = s.category;
      var el = document.createElement('script');
      el.src = s.url;
      el.async = true;
      document.head.appendChild(el);
    });
  }

  function show() {
    banner.querySelectorAll('input[name=categories]').forEach(function (box) {
      box.checked = state.granted.indexOf(box.value) >= 0 && !refused(box.value);
      box.disabled = refused(box.value);
    });
    banner.querySelector('.consent-gpc').hidden = !gpc;
    banner.hidden = false;
  }

  function hide() {
    banner.hidden = true;
    choices.hidden = true;
    choose.setAttribute('aria-expanded', 'false');
    if (opener) { opener.focus(); opener = null; }
  }

  function post(choice) {
    var categories = [];
    banner.querySelectorAll('input[name=categories]:checked').forEach(function (box) { categories.push(box.value); });
    var init = function (token) {
      form.elements._csrf.value = token;
      return {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': token },
        body: JSON.stringify({ choice: choice, categories: categories, gpc: gpc })
      };
    };
    // the page's shared token (csrf.js), so the comments script and this one never hold different ones
    var sent = window.mastheadCsrf ? window.mastheadCsrf.send('/consent', init)
      : fetch('/consent', init(form.elements._csrf.value));
    return sent.then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function fallback(choice) {
    var field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'choice';
    field.value = choice;
    form.appendChild(field);
    form.elements['return'].value = location.pathname + location.search;
    form.submit();
  }

  form.addEventListener('submit', function (event) {
    var choice = event.submitter ? event.submitter.value : 'custom';
    event.preventDefault();
    post(choice).then(function (answer) {
      var withdrawn = Object.keys(loaded).some(function (url) { return answer.granted.indexOf(loaded[url]) < 0; });
      state.granted = answer.granted;
      hide();
      if (withdrawn) { location.reload(); } else { load(answer.scripts); }
    }).catch(function () { fallback(choice); });
  });

  choose.addEventListener('click', function () {
    choices.hidden = !choices.hidden;
    choose.setAttribute('aria-expanded', String(!choices.hidden));
    if (!choices.hidden) { choices.querySelector('input:not([disabled])').focus(); }
  });

  var settings = document.getElementById('consent-settings');
  if (settings) {
    settings.addEventListener('click', function (event) {
      if (!ready) { return; }
      event.preventDefault();
      opener = settings;
      show();
      banner.querySelector('h2').focus();
    });
  }

  fetch('/consent/status', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (status) {
      state = status;
      gpc = gpc || status.gpc;
      ready = true;
      form.elements._csrf.value = status.csrf || '';
      form.elements['return'].value = location.pathname + location.search;
      if (!status.decided) { show(); }
      load(status.scripts);
    })
    .catch(function () { /* without an answer the footer's Cookie settings page still works */ });
}());

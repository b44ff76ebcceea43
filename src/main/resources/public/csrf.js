// One form token per page for every first-party script (cookie consent, comments).
// On a first visit there is no token cookie yet; if each script asked its own endpoint, each answer
// could mint a different token and whichever cookie the browser kept last would make the other
// script's first post fail. So the scripts share one request here, and a refused post (403) fetches
// the token again — the cookie the browser kept — and is sent once more if the token changed.
(function () {
  'use strict';
  if (window.mastheadCsrf || !window.fetch) { return; }
  var pending = null;

  function fetchToken() {
    return fetch('/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
      .then(function (body) { return body.token; });
  }

  function token() {
    if (!pending) {
      pending = fetchToken();
      pending.catch(function () { pending = null; });
    }
    return pending;
  }

  function refresh() {
    pending = fetchToken();
    pending.catch(function () { pending = null; });
    return pending;
  }

  // send(url, init) where init(token) gives fetch's options: the token is the one this page shares;
  // a 403 is tried once more with the browser's current token when that differs.
  function send(url, init) {
    return token().then(function (first) {
      return fetch(url, init(first)).then(function (response) {
        if (response.status !== 403) { return response; }
        return refresh().then(function (current) {
          return current === first ? response : fetch(url, init(current));
        });
      });
    });
  }

  window.mastheadCsrf = { token: token, send: send };
}());

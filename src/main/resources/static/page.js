// What the application's own pages (calendar.html, case.html) share: the webapps' session, their
// CSRF token, notices and error messages. Plain JavaScript, no build.
(function () {
  'use strict';

  var HEADERS = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };

  function show(element, html, kind) {
    element.className = 'notice' + (kind ? ' ' + kind : '');
    element.innerHTML = html;
    element.hidden = false;
  }

  function escape(value) {
    var div = document.createElement('div');
    div.textContent = value == null ? '' : String(value);
    return div.innerHTML;
  }

  // the webapps' CSRF token (their cookie is scoped to /camunda): sent with every change
  function csrfToken() {
    return fetch('/api/csrf-token', { credentials: 'same-origin', headers: HEADERS }).then(function (response) {
      return response.ok ? response.json().then(function (body) { return body.token || ''; }) : '';
    });
  }

  // resolves to whether someone is signed in to the webapps
  function signedIn() {
    return fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: HEADERS })
      .then(function (response) { return response.ok; });
  }

  // an error answer's Chinese messages, one per line (escaped)
  function problem(body, status) {
    var errors = ((body && body.errors) || []).map(function (e) { return escape(e.message); }).join('<br>');
    return errors || escape((body && body.detail) || ('HTTP ' + status));
  }

  // sends a change with the CSRF token; resolves to { ok, status, body }
  function send(method, url, contentType, payload) {
    return csrfToken().then(function (token) {
      return fetch(url, {
        method: method,
        credentials: 'same-origin',
        headers: Object.assign({ 'Content-Type': contentType, 'X-XSRF-TOKEN': token }, HEADERS),
        body: payload
      });
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { ok: response.ok, status: response.status, body: body };
      });
    });
  }

  window.OpinionPage = {
    HEADERS: HEADERS,
    LOGIN: '/camunda/app/welcome/default/',
    show: show,
    escape: escape,
    signedIn: signedIn,
    problem: problem,
    send: send
  };
})();

// The inbox pages: live updates from the server's event stream, the CSRF token on every htmx
// request, confirmations, and an alert (a short sound, a notification) for a new danger.
(function () {
  'use strict';

  var body = document.body;
  var seenKey = 'passerelle.inbox.danger-seen';
  var audio = null;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('csrf-header');
    var token = meta('csrf-token');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // A form that asks first: release and close tell her, so they are never one slip away.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // The reply box empties once the answer is taken, and says why when it is refused.
  document.addEventListener('htmx:afterRequest', function (event) {
    var form = event.detail.elt;
    if (!form || form.tagName !== 'FORM' || !form.closest('main')) {
      return;
    }
    var error = document.getElementById('reply-error');
    if (event.detail.successful) {
      if (form.id === 'reply') {
        form.reset();
      }
      if (error) {
        error.textContent = '';
      }
    } else if (error && event.detail.xhr) {
      error.textContent = event.detail.xhr.responseText || '';
    }
  });

  function scrollTranscript() {
    var transcript = document.getElementById('transcript');
    if (transcript) {
      transcript.scrollTop = transcript.scrollHeight;
      var last = transcript.lastElementChild;
      if (last && last.scrollIntoView && document.activeElement !== document.getElementById('reply-text')) {
        last.scrollIntoView({block: 'nearest'});
      }
    }
  }

  function beep() {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) {
        return;
      }
      audio = audio || new Context();
      if (audio.state === 'suspended') {
        audio.resume();
      }
      var start = audio.currentTime + 0.02;
      [880, 660, 880].forEach(function (frequency, i) {
        var oscillator = audio.createOscillator();
        var gain = audio.createGain();
        var at = start + i * 0.22;
        oscillator.type = 'sine';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.21);
      });
    } catch (ignored) {
      // Sound is a courtesy: the badge and the notification still show.
    }
  }

  function notify() {
    var text = body.getAttribute('data-alert') || '';
    if ('Notification' in window && Notification.permission === 'granted') {
      try {
        new Notification(text, {tag: 'passerelle-danger', requireInteraction: true});
      } catch (ignored) {
        // Some phones allow notifications from a service worker only; the sound and badge remain.
      }
    }
  }

  function seen() {
    try {
      return JSON.parse(sessionStorage.getItem(seenKey) || 'null');
    } catch (ignored) {
      return null;
    }
  }

  // A danger id not seen before on this tab sounds once; the first look only remembers them.
  function checkDanger() {
    var ids = Array.prototype.map.call(document.querySelectorAll('[data-danger-id]'), function (element) {
      return element.getAttribute('data-danger-id');
    });
    var before = seen();
    var fresh = before === null ? [] : ids.filter(function (id) { return before.indexOf(id) < 0; });
    try {
      sessionStorage.setItem(seenKey, JSON.stringify(ids));
    } catch (ignored) {
      // Without storage every page load starts afresh; nothing else depends on it.
    }
    if (fresh.length > 0) {
      body.setAttribute('data-danger-alerts', String(Number(body.getAttribute('data-danger-alerts') || 0) + 1));
      beep();
      notify();
    }
  }

  function alertsButton() {
    var button = document.getElementById('alerts');
    if (!button) {
      return;
    }
    function show() {
      if (!('Notification' in window)) {
        return;
      }
      if (Notification.permission === 'granted') {
        button.textContent = button.getAttribute('data-on');
        button.setAttribute('aria-pressed', 'true');
      } else if (Notification.permission === 'denied') {
        button.textContent = button.getAttribute('data-blocked');
      }
    }
    show();
    button.addEventListener('click', function () {
      // A click is what lets the page play sound later on.
      beep();
      if ('Notification' in window && Notification.permission === 'default') {
        Notification.requestPermission().then(show);
      }
    });
  }

  function listen() {
    var url = body.getAttribute('data-events');
    if (!url || !window.EventSource) {
      return;
    }
    var offline = document.getElementById('offline');
    var stream = new EventSource(url);
    var lost = false;
    stream.addEventListener('changed', function () {
      htmx.trigger(body, 'inbox-changed');
    });
    stream.addEventListener('open', function () {
      if (offline) {
        offline.hidden = true;
      }
      body.setAttribute('data-live', 'true');
      if (lost) {
        // Changes made while the stream was down are fetched now.
        htmx.trigger(body, 'inbox-changed');
        lost = false;
      }
    });
    stream.addEventListener('error', function () {
      lost = true;
      body.setAttribute('data-live', 'false');
      if (offline) {
        offline.hidden = false;
      }
    });
    window.addEventListener('pagehide', function () {
      stream.close();
    });
  }

  document.addEventListener('htmx:afterSettle', function (event) {
    checkDanger();
    if (event.detail.elt && event.detail.elt.id === 'live') {
      scrollTranscript();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    alertsButton();
    checkDanger();
    scrollTranscript();
    listen();
  });
}());

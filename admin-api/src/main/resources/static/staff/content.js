// The content editor's live SMS preview: as she types, the server says how the SMS text will be
// sent (references resolved, encoding, segments, room left) and which characters force UCS-2.
(function () {
  'use strict';
  // On a phone the French source starts folded so that the form is in reach; one tap opens it.
  var source = document.getElementById('content-source');
  if (source && window.matchMedia && window.matchMedia('(max-width: 560px)').matches) {
    source.open = false;
  }
  var form = document.getElementById('content-form');
  var sms = document.getElementById('sms');
  if (!form || !sms || !window.fetch) {
    return;
  }
  var url = form.getAttribute('data-preview-url');
  var language = form.getAttribute('data-language');
  var timer = null;
  var latest = 0;

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = String(value);
    }
  }

  function show(preview) {
    text('sms-encoding', preview.encoding);
    text('sms-segments', preview.segments);
    text('sms-left', preview.left);
    text('sms-units', preview.units);
    document.getElementById('sms-too-long').hidden = !preview.tooLong;
    var nonGsm = document.getElementById('sms-non-gsm');
    var list = document.getElementById('sms-non-gsm-list');
    list.textContent = '';
    preview.nonGsm7.forEach(function (character) {
      var code = document.createElement('code');
      code.textContent = character;
      list.appendChild(code);
    });
    nonGsm.hidden = preview.nonGsm7.length === 0;
    var resolved = document.getElementById('sms-resolved');
    resolved.textContent = '';
    preview.parts.forEach(function (part) {
      if (part.ucs2) {
        var mark = document.createElement('mark');
        mark.className = 'ucs2';
        mark.textContent = part.text;
        resolved.appendChild(mark);
      } else {
        resolved.appendChild(document.createTextNode(part.text));
      }
    });
    document.getElementById('sms-preview').classList.toggle('too-long', preview.tooLong);
  }

  function refresh() {
    var ticket = ++latest;
    var query = '?language=' + encodeURIComponent(language) + '&sms=' + encodeURIComponent(sms.value);
    fetch(url + query, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (preview) {
        // An answer to an older keystroke must not overwrite a newer one.
        if (preview && ticket === latest) {
          show(preview);
        }
      })
      .catch(function () { /* offline: the figures stay as they were until the next keystroke */ });
  }

  sms.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 200);
  });
})();

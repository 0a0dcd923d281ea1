// The schedule pages: ask before a deletion, and copy the calendar address in one tap.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  var copy = document.querySelector('[data-copy]');
  if (!copy) {
    return;
  }
  copy.addEventListener('click', function () {
    var field = document.getElementById(copy.getAttribute('data-copy'));
    var status = document.getElementById('calendar-copied');
    var done = function () {
      if (status) {
        status.textContent = copy.getAttribute('data-copied');
      }
    };
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { });
    } else if (document.execCommand && document.execCommand('copy')) {
      done();
    }
  });
})();

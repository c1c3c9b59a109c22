// Adds a working "コピー" button beside each Markdown snippet on the backoffice image list.
// Without JavaScript the buttons stay hidden and the read-only field can be selected and copied by hand.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy-source]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy-source'));
    var status = button.parentElement.querySelector('[role="status"]');
    if (!field) {
      return;
    }

    button.hidden = false;
    button.addEventListener('click', function () {
      field.focus();
      field.select();
      var done = function () { status.textContent = 'コピーしました'; };
      var failed = function () { status.textContent = 'コピーできませんでした。選択された文字列を手動でコピーしてください。'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, failed);
      } else {
        // Plain http (an intranet install): the older API still copies the selection.
        (document.execCommand && document.execCommand('copy')) ? done() : failed();
      }
    });
  });
})();

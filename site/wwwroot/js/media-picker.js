// The editors' image picker. Without JavaScript the 画像を挿入 link opens the picker in a new tab that shows
// the Markdown to copy. With it, the picker opens in a window of its own and the chosen snippet is inserted
// at the cursor of the textarea the editor was in (or the one the link names).
(function () {
  'use strict';
  var origin = window.location.origin;

  // In the picker window: hand the snippet to the editor that opened it, then close.
  var result = document.querySelector('[data-media-snippet]');
  if (result && result.getAttribute('data-media-popup') === 'true' && window.opener && !window.opener.closed) {
    window.opener.postMessage({ type: 'media-snippet', snippet: result.getAttribute('data-media-snippet') }, origin);
    window.close();
    return;
  }

  // In the editor.
  var links = document.querySelectorAll('a[data-media-picker]');
  if (links.length === 0) {
    return;
  }

  var lastFocused = null;
  var target = null;
  var status = null;
  document.addEventListener('focusin', function (event) {
    if (event.target instanceof HTMLTextAreaElement) {
      lastFocused = event.target;
    }
  });

  links.forEach(function (link) {
    link.addEventListener('click', function (event) {
      var named = link.getAttribute('data-media-field');
      target = (named && document.getElementById(named)) || lastFocused;
      status = link.parentElement.querySelector('[role="status"]');
      var picker = window.open(link.href + '&popup=true', 'media-picker', 'width=760,height=820');
      if (picker) {
        event.preventDefault();
        picker.focus();
      }
    });
  });

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.data || event.data.type !== 'media-snippet' || typeof event.data.snippet !== 'string') {
      return;
    }

    if (!target) {
      if (status) {
        status.textContent = '挿入する欄が分かりませんでした。本文の欄をクリックしてから、もう一度選んでください：' + event.data.snippet;
      }
      return;
    }

    var start = target.selectionStart || 0;
    var end = target.selectionEnd || start;
    target.setRangeText(event.data.snippet, start, end, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true }));
    target.focus();
    if (status) {
      status.textContent = '画像の Markdown を挿入しました。';
    }
  });
})();

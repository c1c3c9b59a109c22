// Enhancements for the comment form; the form works the same without them.
// 1. A live character counter under the comment (the hint already states the limits).
// 2. A form is sent once: a second tap on 送信する while the first is on its way does nothing.
(function () {
  'use strict';

  // Code points, like the server (an emoji counts as one character); CRLF counts as one newline.
  function length(text) {
    return Array.from(text.replace(/\r\n/g, '\n').trim()).length;
  }

  function counterText(count, min, max) {
    if (count === 0) {
      return min + '文字以上、' + max.toLocaleString('ja-JP') + '文字以内で書いてください。';
    }
    if (count < min) {
      return 'いま' + count + '文字です。あと' + (min - count) + '文字以上書いてください。';
    }
    if (count > max) {
      return 'いま' + count.toLocaleString('ja-JP') + '文字です。' + (count - max).toLocaleString('ja-JP') + '文字多すぎます。';
    }
    return 'いま' + count.toLocaleString('ja-JP') + '文字です（あと' + (max - count).toLocaleString('ja-JP') + '文字書けます）。';
  }

  document.querySelectorAll('textarea[data-char-counter]').forEach(function (textarea) {
    var counter = document.getElementById(textarea.getAttribute('data-char-counter'));
    if (!counter) return;
    var min = parseInt(textarea.getAttribute('data-char-min'), 10);
    var max = parseInt(textarea.getAttribute('data-char-max'), 10);

    // What screen readers hear: only after typing pauses, so every keystroke is not announced.
    var announcer = document.createElement('p');
    announcer.className = 'visually-hidden';
    announcer.setAttribute('aria-live', 'polite');
    counter.after(announcer);
    var pause;

    function update(announce) {
      var count = length(textarea.value);
      var text = counterText(count, min, max);
      counter.textContent = text;
      counter.classList.toggle('char-counter--over', count > max);
      if (announce) {
        clearTimeout(pause);
        pause = setTimeout(function () { announcer.textContent = text; }, 1200);
      }
    }

    counter.hidden = false;
    counter.setAttribute('aria-hidden', 'true');
    update(false);
    textarea.addEventListener('input', function () { update(true); });
  });

  document.querySelectorAll('form.feedback-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) return;
      if (form.getAttribute('data-sending') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sending', 'true');

      // 送信する: send in the background and *replace* this confirmation page with the thanks
      // page, so Back from the thanks page returns to the form instead of the browser's
      // "resubmit the form?" page. Without JavaScript the server's 303 still avoids resubmission.
      var submitter = event.submitter;
      if (form.id !== 'confirm-form' || (submitter && submitter.hasAttribute('formaction')) || !window.fetch) return;
      event.preventDefault();
      fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', redirect: 'follow' })
        .then(function (response) {
          if (response.redirected) {
            window.location.replace(response.url);
            return null;
          }
          return response.text();
        })
        .then(function (html) {
          if (html === null) return;
          // Not sent (a problem to show): show the answer as the page it is.
          document.open();
          document.write(html);
          document.close();
        })
        .catch(function () { form.removeAttribute('data-sending'); form.submit(); });
    });
  });

  // Coming back with the browser's back button restores the page as it was: sendable again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form.feedback-form').forEach(function (form) { form.removeAttribute('data-sending'); });
  });

  // An error summary gets the focus, so keyboard and screen reader users start there.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();

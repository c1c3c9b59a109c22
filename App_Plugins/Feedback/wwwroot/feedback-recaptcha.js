// reCAPTCHA v3 on the confirmation page: loads Google's script, and on 送信する gets a token
// for the configured action, puts it in the form and sends. Only used when the operator
// switched reCAPTCHA on; the server verifies the token with siteverify.
(function () {
  'use strict';

  var form = document.getElementById('confirm-form');
  var field = document.getElementById('recaptcha-response');
  if (!form || !field) return;
  var siteKey = form.getAttribute('data-recaptcha-site-key');
  var action = form.getAttribute('data-recaptcha-action');
  var scriptUrl = form.getAttribute('data-recaptcha-script');

  var script = document.createElement('script');
  script.src = scriptUrl + '?render=' + encodeURIComponent(siteKey);
  script.async = true;
  document.head.appendChild(script);

  var sending = false;
  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (field.value || (submitter && submitter.hasAttribute('formaction'))) return;
    event.preventDefault();
    if (sending || !window.grecaptcha) return;
    sending = true;
    window.grecaptcha.ready(function () {
      window.grecaptcha.execute(siteKey, { action: action }).then(function (token) {
        field.value = token;
        form.submit();
      }, function () {
        sending = false;
      });
    });
  });
})();

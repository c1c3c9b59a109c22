// Survey form enhancement: a question shown only for an earlier answer is hidden until that answer
// is chosen. Without JavaScript every question is shown and the server ignores the ones whose
// condition is not met, so the page works the same.
(function () {
  'use strict';

  var form = document.getElementById('survey-form');
  if (!form) return;
  // Razor always writes data- attributes, empty for a question without a condition.
  var conditional = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-condition-field]:not([data-condition-field=""])'));
  if (conditional.length === 0) return;

  function chosen(name, value) {
    return Array.prototype.some.call(form.querySelectorAll('input[name="' + name + '"]'), function (input) {
      return input.checked && input.value === value;
    });
  }

  function update() {
    conditional.forEach(function (fieldset) {
      var shown = chosen(fieldset.getAttribute('data-condition-field'), fieldset.getAttribute('data-condition-value'));
      fieldset.hidden = !shown;
      // Hidden questions are not sent, so nothing stale is kept for them.
      fieldset.disabled = !shown;
    });
  }

  form.addEventListener('change', update);
  update();
})();

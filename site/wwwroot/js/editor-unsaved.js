// Warns before leaving the goal or page editor with changes that were not saved.
// Every button of the editor posts the whole form (save, publish, schedule, unpublish), so
// submitting never warns; without JavaScript nothing is lost either, there is just no warning.
(function () {
  'use strict';
  var form = document.getElementById('editor-form');
  if (!form) {
    return;
  }

  var snapshot = function () {
    return new URLSearchParams(new FormData(form)).toString();
  };
  // Drawn again after a post (an error, a conflict, an add/remove button): what it holds is not saved yet.
  var unsavedOnArrival = form.getAttribute('data-unsaved') === 'true';
  var saved = snapshot();
  var submitting = false;

  form.addEventListener('submit', function () { submitting = true; });
  window.addEventListener('pageshow', function (event) {
    // Back from the preview (bfcache): the form holds what it held when the page was left.
    if (event.persisted) {
      submitting = false;
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (!submitting && (unsavedOnArrival || snapshot() !== saved)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();

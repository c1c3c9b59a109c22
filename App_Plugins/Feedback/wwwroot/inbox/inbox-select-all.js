// The inbox list's select-all box: shown only with JavaScript, it checks or clears every row of the page.
// Without JavaScript the rows are checked one by one and the bulk form posts the checked rows just the same.
(function () {
  'use strict';
  var wrapper = document.querySelector('[data-select-all]');
  var all = document.getElementById('select-all');
  if (!wrapper || !all) {
    return;
  }

  var rows = Array.prototype.slice.call(all.form.querySelectorAll('input[type=checkbox][name="Bulk.Ids"]'));
  wrapper.hidden = false;
  var reflect = function () {
    var checked = rows.filter(function (row) { return row.checked; }).length;
    all.checked = checked === rows.length;
    all.indeterminate = checked > 0 && checked < rows.length;
  };
  all.addEventListener('change', function () {
    rows.forEach(function (row) { row.checked = all.checked; });
    all.indeterminate = false;
  });
  rows.forEach(function (row) { row.addEventListener('change', reflect); });
  reflect();
})();

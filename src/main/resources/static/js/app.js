// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Select elements marked data-autosubmit submit their form when changed (filters, cascades).
document.addEventListener('change', function (e) {
  if (e.target.matches('[data-autosubmit]')) { e.target.form.requestSubmit(); }
});
// Choosing the owner on the complaint intake fills in 投诉人 when it is still empty.
document.addEventListener('change', function (e) {
  if (e.target.id === 'ownerId' && e.target.value) {
    var complainant = document.getElementById('complainant');
    if (complainant && !complainant.value.trim()) {
      complainant.value = e.target.options[e.target.selectedIndex].text;
    }
  }
});
// Tables marked .table-cards become cards on phones (app.css): every cell is labelled with its column's header text.
function labelCardCells(root) {
  root.querySelectorAll('table.table-cards').forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute('data-label')) { td.setAttribute('data-label', heads[i]); }
        if (!td.textContent.trim() && !td.querySelector('img, input, button, select')) { td.classList.add('card-empty'); }
      });
    });
  });
}
document.addEventListener('DOMContentLoaded', function () { labelCardCells(document); });
document.addEventListener('htmx:afterSwap', function (e) { labelCardCells(e.target); });

// 复制链接: puts a survey link on the clipboard (or selects it where the clipboard is not offered) and says so.
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-copy]');
  if (!button) { return; }
  var input = document.getElementById(button.getAttribute('data-copy'));
  if (!input) { return; }
  var done = function () {
    var label = button.textContent;
    button.textContent = button.getAttribute('data-copied');
    setTimeout(function () { button.textContent = label; }, 2000);
  };
  input.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
  } else {
    document.execCommand('copy');
    done();
  }
});

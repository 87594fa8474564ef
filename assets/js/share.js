// The article's "copy link" button: shown only where the clipboard can be written, with a spoken confirmation.
(function () {
  var button = document.querySelector(".copy-link");
  var status = document.querySelector(".copy-status");
  if (!button || !status || !navigator.clipboard || !window.isSecureContext) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.getAttribute("data-copy") || location.href).then(
      function () {
        status.textContent = "Đã sao chép liên kết bài viết.";
      },
      function () {
        status.textContent = "Không sao chép được; vui lòng sao chép địa chỉ trên thanh địa chỉ của trình duyệt.";
      },
    );
  });
})();

// vernetzt's few behaviours of its own, from a file: the Content-Security-Policy forbids inline script.

// <form data-confirm="Really?">: ask before a plain (non-htmx) form is sent; htmx forms use hx-confirm.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// <button type="button" data-print>: the browser's print dialog (briefings are made to be printed).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

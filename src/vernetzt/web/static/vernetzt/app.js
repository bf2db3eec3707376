// vernetzt's few behaviours of its own, from a file: the Content-Security-Policy forbids inline script.

// <form data-confirm="Really?">: ask before a plain (non-htmx) form is sent; htmx forms use hx-confirm.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// <input type="file" data-max-bytes data-too-large>: files beyond the import limit are named before
// they are sent (the server refuses such a body unread, with no page of its own). Listening in the
// capture phase runs this before data-autosubmit sends the form; an invalid input stops the sending.
document.addEventListener(
  "change",
  (event) => {
    const input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    const size = Array.from(input.files).reduce((sum, file) => sum + file.size, 0);
    input.setCustomValidity(size > Number(input.dataset.maxBytes) ? input.dataset.tooLarge : "");
    input.reportValidity();
  },
  true,
);

// <button type="button" data-print>: the browser's print dialog (briefings are made to be printed).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

/* vernetzt on the phone: the service worker, "keep on this phone" for an event's briefings, and a clean
   slate on logout. Loaded on every page from a static file (the content security policy allows no
   inline script). */
(function () {
  "use strict";
  const PAGES = "vernetzt-pages";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(() => {});
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("form.logout") || !("caches" in window) || form.dataset.cleared) return;
    // The pages kept for offline are this account's; they leave with it.
    event.preventDefault();
    form.dataset.cleared = "1";
    caches.delete(PAGES).finally(() => form.submit());
  });

  function say(element, template, done, total) {
    element.textContent = template.replace("{done}", done).replace("{total}", total);
  }

  async function keep(button) {
    const urls = button.dataset.keepOffline.split(" ").filter(Boolean);
    const status = document.getElementById(button.getAttribute("aria-controls"));
    const cache = await caches.open(PAGES);
    let done = 0;
    button.disabled = true;
    for (const url of urls) {
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok && !response.redirected) {
          await cache.put(url, response.clone());
          if (url === button.dataset.start) await cache.put("/start/", response);
          done += 1;
        }
      } catch (error) {
        // Counted as missing: the message below says how many pages are on the phone.
      }
      say(status, button.dataset.progress, done, urls.length);
    }
    say(status, done === urls.length ? button.dataset.done : button.dataset.partial, done, urls.length);
    button.disabled = false;
  }

  // Taking the photo is the first tap: the form goes as soon as a photo is chosen.
  for (const input of document.querySelectorAll("input[data-autosubmit]")) {
    input.addEventListener("change", () => input.files.length && input.form.requestSubmit());
  }

  for (const button of document.querySelectorAll("[data-keep-offline]")) {
    if (!("caches" in window)) continue;
    button.hidden = false;
    button.addEventListener("click", () => keep(button));
  }
})();

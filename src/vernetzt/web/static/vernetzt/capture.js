/* Capturing a conversation without a connection: the form is kept in IndexedDB with its own
   idempotency key, shown as "waiting to sync", and sent when the connection returns. The server
   stores the key, so a capture sent twice (a lost answer, two open tabs) is logged once. A capture
   the server refuses stays on the phone, with what to do, until the user discards it. */
(function () {
  "use strict";
  const DB = "vernetzt";
  const STORE = "captures";
  const panel = document.getElementById("capture-queue");
  if (!panel || !("indexedDB" in window)) return;
  const text = panel.dataset;

  function database() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "key" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function store(mode, action) {
    const db = await database();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  }

  const save = (item) => store("readwrite", (s) => s.put(item));
  const forget = (key) => store("readwrite", (s) => s.delete(key));
  const everything = () => store("readonly", (s) => s.getAll());

  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  // ``thenPage``: the user waits and the next page opens (an online submit), so the server may greet
  // them there; a queued capture synced later is announced here, in the panel, and nowhere else.
  async function send(item, thenPage = false) {
    const body = new URLSearchParams(item.fields);
    body.set("capture_key", item.key);
    let response;
    try {
      response = await fetch(item.url, {
        method: "POST",
        body,
        credentials: "same-origin",
        redirect: "manual",
        headers: {
          Accept: "application/json",
          "X-CSRFToken": csrfToken(),
          ...(thenPage ? { "X-Capture-Then": "page" } : {}),
        },
      });
    } catch (error) {
      return { state: "offline" };
    }
    if (response.ok) {
      await forget(item.key);
      return { state: "sent", data: await response.json() };
    }
    if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
      item.message = text.login;
      await save(item);
      return { state: "login" };
    }
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    item.status = "refused";
    item.message = data.error || text.refused;
    item.advice = data.advice || "";
    await save(item);
    return { state: "refused" };
  }

  let syncing = false;
  async function sync() {
    if (syncing) return;
    syncing = true;
    try {
      for (const item of await everything()) {
        if (item.status === "refused") continue;
        const result = await send(item);
        if (result.state === "offline" || result.state === "login") break;
        if (result.state === "sent") {
          announce(text.synced.replace("{name}", item.person).replace("{message}", result.data.message));
          const saved = document.getElementById("capture-saved");
          if (saved) saved.hidden = true;
        }
      }
    } finally {
      syncing = false;
      await render();
    }
  }

  function announce(message) {
    const line = document.createElement("p");
    line.textContent = message;
    panel.querySelector(".capture-news").append(line);
  }

  function entry(item) {
    const li = document.createElement("li");
    li.className = item.status === "refused" ? "refused" : "waiting";
    const what = document.createElement("strong");
    what.textContent = item.person;
    const state = document.createElement("span");
    state.textContent = " · " + (item.status === "refused" ? text.refusedLabel : item.message || text.waitingLabel);
    li.append(what, state);
    if (item.status === "refused") {
      const details = document.createElement("p");
      details.textContent = [item.message, item.advice].filter(Boolean).join(" ");
      const notes = item.fields.filter(([name]) => name === "notes" || name === "snippets").map(([, v]) => v).filter(Boolean);
      if (notes.length) {
        const kept = document.createElement("pre");
        kept.textContent = notes.join("\n");
        details.append(kept);
      }
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "link danger";
      discard.textContent = text.discard;
      discard.addEventListener("click", async () => {
        await forget(item.key);
        await render();
      });
      li.append(details, discard);
    }
    return li;
  }

  async function render() {
    const items = await everything();
    const waiting = items.filter((item) => item.status !== "refused").length;
    panel.hidden = items.length === 0 && !panel.querySelector(".capture-news").childElementCount;
    panel.querySelector(".capture-count").textContent = waiting ? text.waiting.replace("{count}", waiting) : "";
    const list = panel.querySelector("ul");
    list.replaceChildren(...items.map(entry));
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.matches("form[data-offline-capture]")) return;
    event.preventDefault();
    const fields = Array.from(new FormData(form)).filter(([name]) => name !== "csrfmiddlewaretoken" && name !== "capture_key");
    const item = { key: newKey(), url: form.action, fields, person: form.dataset.person, created: new Date().toISOString(), status: "waiting" };
    await save(item);
    const result = await send(item, true);
    if (result.state === "sent") {
      window.location.assign(result.data.next);
      return;
    }
    form.reset();
    const note = document.getElementById("capture-saved");
    note.hidden = false;
    note.textContent = result.state === "refused" ? text.refusedHere : text.savedHere;
    await render();
  });

  panel.querySelector(".capture-sync").addEventListener("click", sync);
  window.addEventListener("online", sync);
  sync();
})();

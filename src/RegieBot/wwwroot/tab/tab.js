// "Mijn regiekaarten": signs in (Teams SSO, or the local sign-in in Development) and puts the content the host
// renders for the signed-in professional into <main>. No inline script: the CSP allows only scripts from here.
"use strict";

(function () {
  const LOCAL_HEADER = "X-RegieBot-Lokale-Gebruiker";
  const LOCAL_KEY = "regiebot-lokale-gebruiker";
  const main = document.getElementById("inhoud");
  // One page, four views: the overview, ?kaart=<id> (the printable kaart), ?clientversie=<id>, and the channel tab
  // "Regie in dit kanaal", ?kanaal=<channel id> (set by its configuration page).
  const query = new URLSearchParams(window.location.search);
  const view = query.has("kanaal") ? "kanaal" : query.has("kaart") ? "kaart" : query.has("clientversie") ? "clientversie" : "overzicht";
  let auth = null;
  let inTeams = false;

  function show(html) {
    main.innerHTML = html;
  }

  function message(text) {
    const p = document.createElement("p");
    p.className = "melding";
    p.textContent = text;
    main.replaceChildren(p);
  }

  function contentPath() {
    if (view === "overzicht") {
      return "api/overzicht";
    }
    if (view === "kanaal") {
      return query.get("kanaal") ? "api/kanaal?id=" + encodeURIComponent(query.get("kanaal")) : null;
    }
    const id = query.get(view);
    if (!id) {
      return null;
    }
    return "api/kaarten/" + encodeURIComponent(id) + (view === "clientversie" ? "/clientversie" : "");
  }

  // teams-js (served from here, lib/) only in Teams: outside it, nothing of Microsoft's is loaded or asked.
  function loadTeamsJs() {
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = "lib/MicrosoftTeams.min.js";
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  async function teamsHeaders() {
    if (!window.microsoftTeams) {
      await loadTeamsJs();
    }
    // Outside a Teams or Microsoft 365 host initialize never settles: give up after a few seconds.
    await Promise.race([
      window.microsoftTeams.app.initialize(),
      new Promise(function (_, reject) { setTimeout(function () { reject(new Error("geen Teams")); }, 5000); }),
    ]);
    inTeams = true;
    await hidePrintWhereTheHostCannotPrint();
    const token = await window.microsoftTeams.authentication.getAuthToken();
    return { Authorization: "Bearer " + token };
  }

  // Only Teams on the desktop and in a browser can print a tab; the mobile clients (and Teams Rooms, phones,
  // displays) do nothing on window.print(), so there the button is not offered.
  const PRINTING_HOSTS = ["desktop", "web"];

  async function hidePrintWhereTheHostCannotPrint() {
    let clientType = null;
    try {
      const context = await window.microsoftTeams.app.getContext();
      clientType = context && context.app && context.app.host ? context.app.host.clientType : null;
    } catch (e) {
      clientType = null;
    }
    document.body.dataset.host = clientType || "onbekend";
    if (clientType && !PRINTING_HOSTS.includes(clientType)) {
      document.getElementById("afdrukken").hidden = true;
    }
  }

  function localHeaders(users) {
    const panel = document.getElementById("aanmelding");
    const select = document.getElementById("gebruiker");
    const chosen = sessionStorage.getItem(LOCAL_KEY);
    select.replaceChildren(new Option("Kies een testgebruiker…", ""));
    for (const user of users) {
      select.append(new Option(user.naam, user.id, false, user.id === chosen));
    }
    panel.hidden = false;
    select.addEventListener("change", function () {
      sessionStorage.setItem(LOCAL_KEY, select.value);
      load();
    });
    return null;
  }

  async function headers() {
    const response = await fetch("api/aanmelding", { cache: "no-store" });
    const modes = await response.json();
    if (modes.modus === "lokaal") {
      if (!document.getElementById("gebruiker").options.length) {
        localHeaders(modes.gebruikers);
      }
      const user = sessionStorage.getItem(LOCAL_KEY);
      return user ? { [LOCAL_HEADER]: user } : null;
    }
    return teamsHeaders();
  }

  async function load() {
    const path = contentPath();
    if (!path) {
      message("Er is geen regiekaart gekozen. Ga terug naar het overzicht.");
      return;
    }
    try {
      auth = await headers();
    } catch (e) {
      message("Aanmelden is niet gelukt. Open dit tabblad in Teams, of probeer het later opnieuw.");
      return;
    }
    if (!auth) {
      message(view === "kanaal" ? "Kies bovenaan een testgebruiker om de regiekaarten van dit kanaal te zien." : "Kies bovenaan een testgebruiker om je regiekaarten te zien.");
      return;
    }
    const response = await fetch(path, { headers: auth, cache: "no-store" });
    if (response.status === 401) {
      message("Je bent niet aangemeld. Open dit tabblad opnieuw in Teams.");
      return;
    }
    if (!response.ok && response.status !== 404) {
      message("Er ging iets mis bij het laden. Probeer het later opnieuw.");
      return;
    }
    show(await response.text());
    document.body.dataset.geladen = response.ok ? "ja" : "niet-gevonden";
    document.getElementById("afdrukken").disabled = !response.ok;
  }

  // "Vraag om bevestiging": one post in the kaart's thread; the answer (posted, already today) is announced in place.
  async function ask(button) {
    button.disabled = true;
    const path = "api/kanaal/bevestiging?id=" + encodeURIComponent(query.get("kanaal")) + "&kaart=" + encodeURIComponent(button.dataset.vraag);
    let text;
    try {
      const response = await fetch(path, { method: "POST", headers: auth || {}, cache: "no-store" });
      const holder = document.createElement("div");
      holder.innerHTML = await response.text();
      text = holder.textContent;
    } catch (e) {
      text = "Er ging iets mis. Probeer het later opnieuw.";
      button.disabled = false;
    }
    const note = document.createElement("p");
    note.className = "melding";
    note.setAttribute("role", "status");
    note.textContent = text;
    button.closest("li").append(note);
  }

  document.addEventListener("click", function (event) {
    const asking = event.target.closest("button[data-vraag]");
    if (asking) {
      ask(asking);
      return;
    }
    const link = event.target.closest("a[data-teams-link]");
    if (link && inTeams) {
      event.preventDefault();
      window.microsoftTeams.app.openLink(link.href);
    }
  });

  if (view === "kanaal") {
    document.title = "Regie in dit kanaal – RegieBot";
    document.querySelector(".balk .naam").textContent = "Regie in dit kanaal";
    document.querySelector(".balk .naam").href = window.location.search;
  } else if (view !== "overzicht") {
    document.querySelector("nav.knoppen").hidden = false;
    document.title = (view === "kaart" ? "Regiekaart" : "Clientversie") + " – RegieBot";
    document.getElementById("afdrukken").addEventListener("click", function () {
      window.print();
    });
  }

  load();
})();

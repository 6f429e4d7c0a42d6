// The configuration page of the channel tab "Regie in dit kanaal": no choices, only a confirmation. The tab belongs to
// the channel it is added to: its content address carries that channel's id, which the host checks against the
// channel's live roster on every request.
"use strict";

(function () {
  const note = document.getElementById("melding");

  function say(text) {
    note.textContent = text;
    note.hidden = false;
  }

  async function configure() {
    const teams = window.microsoftTeams;
    if (!teams) {
      say("Dit tabblad kan alleen in Teams aan een kanaal worden toegevoegd.");
      return;
    }
    await teams.app.initialize();
    const context = await teams.app.getContext();
    const channel = context.channel && context.channel.id;
    if (!channel) {
      say("Voeg dit tabblad toe aan een kanaal van een team.");
      return;
    }
    const content = new URL("./?kanaal=" + encodeURIComponent(channel), window.location.href).href;
    teams.pages.config.registerOnSaveHandler(function (save) {
      teams.pages.config.setConfig({
        entityId: "regie-in-dit-kanaal",
        contentUrl: content,
        websiteUrl: content,
        suggestedDisplayName: "Regie in dit kanaal",
      }).then(function () { save.notifySuccess(); }, function () { save.notifyFailure("Opslaan is niet gelukt."); });
    });
    teams.pages.config.setValidityState(true);
  }

  configure().catch(function () {
    say("Dit tabblad kan alleen in Teams aan een kanaal worden toegevoegd.");
  });
})();

using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Dialog;

/// <summary>Dutch sentences of the regie conversation that are not on a card.</summary>
internal static class RegieTexts
{
    public const string OnlyInChannel =
        "Een regiekaart maak je samen met je collega's in een kanaal van jullie team. Typ daar: @RegieBot start Familie T.";

    public const string NoKaartHere =
        "Er is hier nog geen regiekaart. Start er een met: @RegieBot start gevolgd door de casus, bijvoorbeeld: @RegieBot start Familie T.";

    public const string KaartGone = "Deze regiekaart bestaat niet meer.";

    public const string WrongConversation = "Deze kaart hoort bij een ander gesprek.";

    public const string NothingToCancel = "Er loopt in deze draad geen regiekaart die nog wordt ingevuld.";

    public const string ChangedMeanwhile = "Er veranderde net iets aan deze regiekaart. Probeer het nog eens.";

    public static string Cancelled(bool update) => update
        ? "Het bijwerken is geannuleerd; de regiekaart is niet veranderd."
        : "De regiekaart is geannuleerd; er is niets opgeslagen.";

    public const string NotOnKaart =
        "Alleen de professional zelf kan zijn of haar rol bevestigen, en jij staat niet als collega uit Teams op deze kaart. Klopt dat niet? Stel dan een wijziging voor.";

    public const string OnlyOwnRole = "Je kunt alleen je eigen rol bevestigen, niet die van een ander.";

    public const string Escalated = "Opgeschaald: de melding staat in de draad van de casus.";

    public const string Started = "Het bijwerken is gestart: de stappen staan in deze draad.";

    public const string NoKaartsForYou =
        "Je staat nog op geen enkele regiekaart als professional. Een collega kan je toevoegen in het kanaal van de casus.";

    public static string Resumed(string casus) =>
        $"In deze draad loopt het gesprek over de regiekaart van {casus} al. Hieronder staat de stap waar jullie gebleven waren.";

    public static string ThreadTaken(string casus) =>
        $"In deze draad staat al de regiekaart van {casus}. Typ @RegieBot kaart om hem te zien, of begin een nieuw bericht in het kanaal voor een andere casus.";

    public static string StillOpen(string casus, int step) =>
        $"De regiekaart van {casus} wordt nog ingevuld (stap {step} van 7). De stap staat hieronder; iedereen in het kanaal kan verder gaan.";

    public static string Several(IEnumerable<string> casussen) =>
        "In dit kanaal staan meerdere regiekaarten: " + string.Join(", ", casussen) + ". Typ @RegieBot kaart in de draad van de casus.";

    public static string UpdateWhileOpen(string casus) =>
        $"De regiekaart van {casus} wordt al bijgewerkt: ga verder met de stap in deze draad, of typ @RegieBot annuleren.";

    public static string Closed(string casus) => $"De casus {casus} is afgesloten; de regiekaart kan niet meer worden bijgewerkt.";

    public const string InChannelOnly = "Typ dit commando in het kanaal van de casus. Hier zie je met overzicht al jouw regiekaarten.";

    public const string NoSavedKaart =
        "De regiekaart van deze casus is nog niet opgeslagen. Rond eerst het invullen af (de stap staat in deze draad), of typ @RegieBot annuleren.";

    public static string AlreadyClosed(string casus) => $"De casus {casus} is al afgesloten.";

    public static string CloseWhileUpdating(string casus) =>
        $"De regiekaart van {casus} wordt nog bijgewerkt. Rond dat eerst af, of typ @RegieBot annuleren, en sluit de casus daarna af.";

    public const string CloseAsked = "De vraag om de casus af te sluiten staat in de draad van de casus.";

    public const string DeleteAsked = "De vraag om deze regiekaart te verwijderen staat in de draad van de casus.";

    public const string OnlyChannelMembers = "Alleen leden van dit kanaal kunnen een regiekaart verwijderen.";

    public const string MembersUnknown = "RegieBot kon niet nagaan of je lid bent van dit kanaal. Probeer het over een ogenblik nog eens.";

    public const string ExportNothing = "Er is over deze casus niets opgeslagen.";

    public static string ExportPosted(int cards) =>
        cards == 1 ? "Hierboven staat alles wat RegieBot over deze casus bewaart, in 1 kaart." : $"Hierboven staat alles wat RegieBot over deze casus bewaart, in {cards} kaarten.";

    /// <summary>Replaces the bot's text messages about a casus once it is deleted; names nothing of it.</summary>
    public static string RemovedText(string notice) => notice + " RegieBot bewaart niets meer van deze casus.";

    public const string RemovedFallbackNotice = "Deze regiekaart is verwijderd.";

    public const string CancelledNotice = "Deze regiekaart is geannuleerd voordat hij werd opgeslagen.";

    public static string Status(KaartSnapshot snapshot)
    {
        Kaart kaart = snapshot.Kaart;
        KaartConfirmations state = snapshot.State;
        List<string> lines =
        [
            $"Regiekaart {kaart.Casus}: versie {kaart.Version}, opgeslagen op {Cards.KaartCard.FormatDate(DateOnly.FromDateTime(kaart.UpdatedAt.UtcDateTime))}.",
            "Bevestigd: " + Names(state.Confirmed.Select(p => $"{p.Naam} ({Cards.KaartCard.FormatMoment(state.Of(p)!.ConfirmedAt)})")),
            "Nog niet bevestigd: " + Names(state.Unconfirmed.Select(p => p.Naam)),
        ];
        Professional[] external = [.. kaart.Content.Professionals.Where(p => !p.IsLinked)];
        if (external.Length > 0)
        {
            lines.Add("Extern (bevestigt niet in Teams): " + Names(external.Select(p => p.Naam)));
        }

        int proposals = snapshot.OpenProposals.Count();
        if (proposals > 0)
        {
            lines.Add($"Voorgestelde wijzigingen sinds deze versie: {proposals}.");
        }

        lines.Add(kaart is { Status: KaartStatus.Afgesloten, Closure: { } closure }
            ? ClosedLine(closure)
            : kaart.Status == KaartStatus.Afgesloten
                ? "De casus is afgesloten."
                : $"Volgende evaluatie: {Cards.KaartCard.FormatDate(kaart.Content.Evaluatiedatum)}.");
        return string.Join('\n', lines);
    }

    public static string ClosedLine(KaartClosure closure) =>
        $"De casus is afgesloten op {Cards.KaartCard.FormatDay(closure.ClosedAt)} ({AfschaalCriteria.Brief.GetValueOrDefault(closure.Criterium, "–")})"
        + (string.IsNullOrEmpty(closure.OvergedragenAan) ? string.Empty : $", overgedragen aan {closure.OvergedragenAan}")
        + $". Alle gegevens worden op {Cards.KaartCard.FormatDay(closure.RetentionDueAt)} verwijderd.";

    public static string History(IReadOnlyList<Kaart> versions, KaartClosure? closure = null)
    {
        List<string> lines = [$"Geschiedenis van de regiekaart {versions[^1].Casus}:"];
        for (int i = 0; i < versions.Count; i++)
        {
            Kaart version = versions[i];
            string who = WhoSaved(version, versions[^1]);
            lines.Add(string.Empty);
            lines.Add($"Versie {version.Version} — {Cards.KaartCard.FormatMoment(version.UpdatedAt)}, door {who}");
            IReadOnlyList<string> changes = i == 0 ? ["Eerste versie van de kaart."] : KaartDiff.Describe(versions[i - 1].Content, version.Content);
            lines.AddRange(changes.Count == 0 ? ["Geen inhoudelijke wijzigingen."] : changes.Select(c => "• " + c));
        }

        if (closure is not null)
        {
            // Closing is not a version (the content does not change), but it belongs in the history.
            lines.Add(string.Empty);
            lines.Add($"Afgesloten — {Cards.KaartCard.FormatMoment(closure.ClosedAt)}, door {WhoSaved(versions[^1] with { UpdatedBy = closure.ClosedBy }, versions[^1])}");
            lines.Add("• Criterium: " + AfschaalCriteria.Brief.GetValueOrDefault(closure.Criterium, "–"));
            if (!string.IsNullOrEmpty(closure.OvergedragenAan))
            {
                lines.Add("• Overgedragen aan: " + closure.OvergedragenAan);
            }
        }

        return string.Join('\n', lines);
    }

    private static string WhoSaved(Kaart version, Kaart latest) =>
        version.Content.Professionals.Concat(latest.Content.Professionals)
            .FirstOrDefault(p => p.IsLinked && p.AadObjectId == version.UpdatedBy)?.Naam ?? "een collega in het kanaal";

    private static string Names(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names);
        return joined.Length == 0 ? "niemand" : joined;
    }

    public static string Overzicht(IEnumerable<MemberKaart> kaarten) =>
        "Jouw regiekaarten:\n\n" + string.Join('\n', kaarten.Select(k =>
            $"• {k.Casus} — " + (k.Status == KaartStatus.Afgesloten ? "afgesloten" : $"volgende evaluatie: {Cards.KaartCard.FormatDate(k.Evaluatiedatum)}")));
}

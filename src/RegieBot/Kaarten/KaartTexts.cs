using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Kaarten;

/// <summary>Dutch sentences about a saved kaart: its status, history, your kaarten, a role confirmed by someone else.</summary>
internal static class KaartTexts
{
    public const string OnlyOwnRole = "Je kunt alleen je eigen rol bevestigen, niet die van een ander.";

    public static string StillOpen(string casus, int step) =>
        $"De regiekaart van {casus} wordt nog ingevuld (stap {step} van 7). De stap staat hieronder; iedereen in het kanaal kan verder gaan.";

    public const string EvaluationPosted = "De evaluatie staat in de draad van de casus.";

    /// <summary>A proposed change, as its validation message names it.</summary>
    public const string ProposalLabel = "Je voorstel";

    public static string Status(KaartSnapshot snapshot, IReadOnlyList<Escalation> escalations, IReadOnlyList<Kaart> versions, Func<string?, string> name)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(escalations);
        Kaart kaart = snapshot.Kaart;
        KaartConfirmations state = snapshot.State;
        List<string> lines =
        [
            $"Regiekaart {kaart.Casus}: versie {kaart.Version}, opgeslagen op {DutchDates.Day(kaart.UpdatedAt)}.",
            "Bevestigd: " + Names(state.Confirmed.Select(p => $"{p.Naam} ({DutchDates.Moment(state.Of(p)!.ConfirmedAt)})")),
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

        foreach (Escalation escalation in Escalation.OpenOn(kaart, escalations))
        {
            lines.Add($"Open escalatie: {DutchDates.Moment(escalation.At)}, door {name(escalation.By)}, aan {Recipient(escalation, versions, kaart)}. Reden: {KaartDiff.Shorten(escalation.Reason)}");
        }

        lines.Add(kaart is { Status: KaartStatus.Afgesloten, Closure: { } closure }
            ? ClosedLine(closure)
            : kaart.Status == KaartStatus.Afgesloten
                ? "De casus is afgesloten."
                : $"Volgende evaluatie: {DutchDates.Date(kaart.Content.Evaluatiedatum)}.");
        return string.Join('\n', lines);
    }

    public static string ClosedLine(KaartClosure closure) =>
        $"De casus is afgesloten op {DutchDates.Day(closure.ClosedAt)} ({AfschaalCriteria.Brief.GetValueOrDefault(closure.Criterium, "–")})"
        + (string.IsNullOrEmpty(closure.OvergedragenAan) ? string.Empty : $", overgedragen aan {closure.OvergedragenAan}")
        + $". Alle gegevens worden op {DutchDates.Day(closure.RetentionDueAt)} verwijderd.";

    /// <summary>
    /// The versions with who saved them and what changed, and between them the escalations (with how they were
    /// answered), the evaluation outcomes and the closing, in the order they happened.
    /// </summary>
    public static string History(IReadOnlyList<Kaart> versions, KaartClosure? closure, IReadOnlyList<Escalation> escalations, Func<string?, string> name)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(name);
        List<(DateTimeOffset At, List<string> Lines)> entries = [];
        for (int i = 0; i < versions.Count; i++)
        {
            Kaart version = versions[i];
            bool evaluation = i > 0 && KaartDiff.OnlyEvaluationDateChanged(versions[i - 1].Content, version.Content);
            List<string> lines = [$"Versie {version.Version} — {DutchDates.Moment(version.UpdatedAt)}, door {name(version.UpdatedBy)}"
                + (evaluation ? " — evaluatie: afspraken blijven staan" : string.Empty)];
            IReadOnlyList<string> changes = i == 0 ? ["Eerste versie van de kaart."] : KaartDiff.Describe(versions[i - 1].Content, version.Content);
            lines.AddRange(changes.Count == 0 ? ["• Geen inhoudelijke wijzigingen."] : changes.Select(c => "• " + c));
            entries.Add((version.UpdatedAt, lines));
        }

        foreach (Escalation escalation in escalations)
        {
            Kaart? answer = versions.FirstOrDefault(v => v.UpdatedAt > escalation.At);
            string outcome = answer is not null
                ? $"• Beantwoord met versie {answer.Version} ({DutchDates.Moment(answer.UpdatedAt)}, door {name(answer.UpdatedBy)})."
                : closure is not null && closure.ClosedAt > escalation.At
                    ? $"• Beantwoord: de casus is afgesloten ({DutchDates.Moment(closure.ClosedAt)})."
                    : "• Nog open.";
            entries.Add((escalation.At,
            [
                $"Opgeschaald — {DutchDates.Moment(escalation.At)}, door {name(escalation.By)}, aan {Recipient(escalation, versions, versions[^1])}",
                "• Reden: " + KaartDiff.Shorten(escalation.Reason),
                outcome,
            ]));
        }

        if (closure is not null)
        {
            // Closing is not a version (the content does not change), but it belongs in the history.
            List<string> lines =
            [
                $"Afgesloten — {DutchDates.Moment(closure.ClosedAt)}, door {name(closure.ClosedBy)}",
                "• Criterium: " + AfschaalCriteria.Brief.GetValueOrDefault(closure.Criterium, "–"),
            ];
            if (!string.IsNullOrEmpty(closure.OvergedragenAan))
            {
                lines.Add("• Overgedragen aan: " + closure.OvergedragenAan);
            }

            entries.Add((closure.ClosedAt, lines));
        }

        // A Teams message holds about 28 KB: a long history shows its most recent part and says where the rest is.
        List<string> shown = [];
        int size = 0;
        int left = 0;
        foreach ((DateTimeOffset _, List<string> lines) in entries.OrderByDescending(e => e.At))
        {
            string entry = string.Join('\n', lines);
            size += System.Text.Encoding.UTF8.GetByteCount(entry) + 2;
            if (size > MaxMessageBytes && shown.Count > 0)
            {
                left++;
                continue;
            }

            shown.Insert(0, entry);
        }

        string header = $"Geschiedenis van de regiekaart {versions[^1].Casus}:"
            + (left == 0 ? string.Empty : $"\n(De {left} oudste stappen passen niet in dit bericht; alles staat in @RegieBot export.)");
        return header + "\n\n" + string.Join("\n\n", shown);
    }

    /// <summary><c>overzicht</c> outside personal chat: the list would show everyone there the sender's kaarten.</summary>
    public const string OverviewInPersonalChatOnly =
        "Je overzicht van regiekaarten zie je alleen in je eigen chat met RegieBot. Open die chat en typ daar: overzicht.";

    public static string Overview(IEnumerable<MemberKaart> kaarten) =>
        "Jouw regiekaarten:\n\n" + string.Join('\n', kaarten.Select(k =>
            $"• {k.Casus} — " + (k.Status == KaartStatus.Afgesloten ? "afgesloten" : $"volgende evaluatie: {DutchDates.Date(k.Evaluatiedatum)}")));

    /// <summary>What one text message may hold, below Teams' limit with room for the activity around it.</summary>
    private const int MaxMessageBytes = 24 * 1024;

    /// <summary>Who an escalation went to: the procesregisseur, else the bewaker, of the kaart as it was then.</summary>
    private static string Recipient(Escalation escalation, IReadOnlyList<Kaart> versions, Kaart current)
    {
        Kaart then = versions.LastOrDefault(v => v.UpdatedAt <= escalation.At) ?? current;
        Professional? recipient = Cards.EscalationCard.Recipient(then.Content);
        return recipient is null ? "niemand (geen procesregisseur of bewaker op de kaart)"
            : recipient.Regievorm == Regievorm.Procesregie ? $"{recipient.Naam} (procesregisseur)"
            : $"{recipient.Naam} (bewaker van de afspraken)";
    }

    private static string Names(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names);
        return joined.Length == 0 ? "niemand" : joined;
    }
}

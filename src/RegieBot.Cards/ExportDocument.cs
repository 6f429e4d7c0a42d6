using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Cards;

/// <summary>
/// What goes into an export: everything stored about a casus as titled blocks of labelled lines, in reading order.
/// It knows nothing of cards or their size; <see cref="ExportPager"/> decides where a page ends.
/// </summary>
internal static class ExportDocument
{
    public static List<ExportBlock> Of(CasusRecords records)
    {
        Names names = new(records);
        List<ExportBlock> document = [];
        Kaart? kaart = records.Kaart;
        List<ExportLine> about =
        [
            new("Casus: ", records.Casus),
            new("Kenmerk: ", records.KaartId),
        ];
        if (kaart is not null)
        {
            about.Add(new("Aangemaakt op: ", DutchDates.Moment(kaart.CreatedAt)));
            about.Add(new("Status: ", kaart.Status == KaartStatus.Afgesloten ? "afgesloten" : "actief"));
            about.Add(new("Huidige versie: ", $"{kaart.Version}, opgeslagen op {DutchDates.Moment(kaart.UpdatedAt)} door {names.Of(kaart.UpdatedBy)}"));
            about.Add(new("Teams-draad: ", kaart.Location.ThreadId));
            if (kaart.Status != KaartStatus.Afgesloten)
            {
                about.Add(new("Volgende evaluatie: ", DutchDates.Date(kaart.Content.Evaluatiedatum)));
            }
        }
        else
        {
            about.Add(new("Status: ", "de eerste versie wordt nog ingevuld"));
        }

        about.Add(new("Versies: ", records.Versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        about.Add(new("Berichten van RegieBot in Teams met gegevens van deze casus: ", records.PostedMessages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        document.Add(new("Over deze casus", about));

        if (kaart?.Closure is { } closure)
        {
            List<ExportLine> closing =
            [
                new("Afgesloten op: ", DutchDates.Moment(closure.ClosedAt)),
                new("Door: ", names.Of(closure.ClosedBy)),
                new("Criterium: ", AfschaalCriteria.Text.TryGetValue(closure.Criterium, out string? criterium) ? criterium : "–"),
            ];
            if (!string.IsNullOrEmpty(closure.OvergedragenAan))
            {
                closing.Add(new("Overgedragen aan: ", closure.OvergedragenAan));
            }

            closing.Add(new("Wordt automatisch verwijderd op: ", DutchDates.Day(closure.RetentionDueAt)));
            document.Add(new("Afsluiting", closing));
        }

        foreach (Kaart version in records.Versions.OrderBy(v => v.Version))
        {
            document.Add(new(
                $"Versie {version.Version} — opgeslagen op {DutchDates.Moment(version.UpdatedAt)} door {names.Of(version.UpdatedBy)}",
                ContentLines(version.Content)));
        }

        document.Add(new("Bevestigingen", Confirmations(records, names)));
        document.Add(new("Voorgestelde wijzigingen", records.Proposals.Count == 0
            ? [new(string.Empty, "Geen.")]
            : [.. records.Proposals.OrderBy(p => p.At).Select(p => new ExportLine($"{names.Of(p.ProposedBy)}, {DutchDates.Moment(p.At)}: ", p.Text))]));

        document.Add(new("Opgeschaald", records.Escalations.Count == 0
            ? [new(string.Empty, "Nooit.")]
            : [.. records.Escalations.OrderBy(e => e.At).Select(e => new ExportLine($"{names.Of(e.By)}, {DutchDates.Moment(e.At)}: ", e.Reason.Length == 0 ? "–" : e.Reason))]));
        document.Add(new("Herinneringen", records.Reminders.Count == 0
            ? [new(string.Empty, "Geen.")]
            : [.. records.Reminders.OrderBy(r => r.Kind).Select(ReminderLine)]));

        if (records.Dialog is { } dialog)
        {
            document.Add(DialogBlock(dialog, names, records.Versions.Count));
        }

        return document;
    }

    private static List<ExportLine> Confirmations(CasusRecords records, Names names)
    {
        if (records.Confirmations.Count == 0)
        {
            return [new(string.Empty, "Geen.")];
        }

        KaartConfirmations? state = records.Kaart is null ? null : new KaartConfirmations(records.Kaart, records.Confirmations);
        return [.. records.Confirmations.OrderBy(c => c.ConfirmedAt).Select(c =>
        {
            Professional? professional = records.Kaart?.Content.Find(c.ProfessionalId);
            bool counts = professional is not null && state?.Of(professional) is not null;
            return new ExportLine(
                $"{names.Of(c.AadObjectId)}: ",
                $"rol bevestigd op {DutchDates.Moment(c.ConfirmedAt)}" + (counts ? string.Empty : " (vervallen door een latere wijziging)"));
        })];
    }

    private static ExportLine ReminderLine(ReminderState reminder)
    {
        string what = reminder.Kind == ReminderKind.Evaluatie ? "Evaluatie: " : "Opschalen als een evaluatie onbeantwoord blijft: ";
        string state = reminder.Status switch
        {
            ReminderStatus.Scheduled => $"gepland op {DutchDates.Moment(reminder.DueAt)}",
            ReminderStatus.Sent => $"verstuurd op {DutchDates.Moment(reminder.SentAt ?? reminder.DueAt)}",
            ReminderStatus.Cancelled => "gestopt",
            _ => "kon niet worden bezorgd",
        };
        return new(what, state);
    }

    private static ExportBlock DialogBlock(DialogState dialog, Names names, int versions)
    {
        string status = dialog.Status switch
        {
            DialogStatus.Open => $"wordt ingevuld, stap {(int)dialog.Step + 1} van 7",
            DialogStatus.Saved => "afgerond en opgeslagen",
            _ => "geannuleerd",
        };
        List<ExportLine> lines =
        [
            new("Status: ", status),
            new("Laatst ingevuld: ", $"{DutchDates.Moment(dialog.UpdatedAt)} door {names.Of(dialog.LastEditedBy)}"),
        ];
        if (dialog.Status == DialogStatus.Saved && versions > 0)
        {
            lines.Add(new(string.Empty, "Wat is ingevuld, is gelijk aan de laatste versie hierboven."));
        }
        else
        {
            lines.AddRange(ContentLines(dialog.Draft));
        }

        return new("Invulgesprek (bijwerken of nieuwe kaart)", lines);
    }

    private static List<ExportLine> ContentLines(KaartContent content)
    {
        List<ExportLine> lines = [];
        if (Moments.Text.TryGetValue(content.Moment, out string? moment))
        {
            lines.Add(new("Aanleiding: ", moment));
        }

        lines.Add(new(Hulpvragen.BetrokkenProfessionals, string.Empty));
        foreach (Professional p in content.Professionals)
        {
            List<string> parts = [$"{Hulpvragen.Functie} {Dash(p.Functie)}", $"{Hulpvragen.Organisatie} {Dash(p.Organisatie)}", $"{Hulpvragen.Contact} {Dash(p.Contact)}"];
            if (p.Regievorm != Regievorm.Geen)
            {
                parts.Add("Regievorm: " + p.Regievorm.ToString().ToLowerInvariant());
            }

            parts.Add(p.IsLinked ? $"in Teams (Entra-id {p.AadObjectId})" : "extern");
            lines.Add(new($"{Hulpvragen.Naam} {p.Naam} · ", string.Join(" · ", parts)));
        }

        lines.Add(new(Hulpvragen.Sectie1, string.Empty));
        lines.AddRange(Agreements(content.Regievoeren));
        lines.Add(new(Hulpvragen.Sectie2, string.Empty));
        lines.AddRange(Agreements(content.Afstemming));
        lines.Add(new("3. Vast aanspreekpunt voor de cliënt: ", content.Aanspreekpunt?.Naam ?? "–"));
        lines.Add(new("4. Houdt zicht op naleving van de afspraken: ", content.Bewaker?.Naam ?? "–"));
        lines.Add(new(Hulpvragen.Datum + " ", DutchDates.Date(content.Datum)));
        lines.Add(new("Evaluatiedatum: ", DutchDates.Date(content.Evaluatiedatum)));
        lines.Add(new("Besproken met cliënt: ", content.BesprokenMetClient ? "ja" : "nee"));
        return lines;
    }

    private static IEnumerable<ExportLine> Agreements(IReadOnlyList<Agreement> agreements) =>
        agreements.Count == 0 ? [new(string.Empty, "–")] : agreements.Select(a => new ExportLine(string.Empty, "• " + a.Text));

    private static string Dash(string value) => value.Length == 0 ? "–" : value;

    /// <summary>Names for the Entra ids the casus stores, with the id itself (that is what is stored).</summary>
    private sealed class Names(CasusRecords records)
    {
        private readonly Dictionary<string, string> _known = records.Versions.OrderByDescending(v => v.Version)
            .Concat(records.Kaart is null ? [] : [records.Kaart])
            .SelectMany(v => v.Content.Professionals)
            .Concat(records.Dialog?.Draft.Professionals ?? [])
            .Where(p => p.IsLinked)
            .GroupBy(p => p.AadObjectId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Naam, StringComparer.Ordinal);

        public string Of(string? id) =>
            string.IsNullOrEmpty(id) ? "onbekend"
            : _known.TryGetValue(id, out string? name) ? $"{name} (Entra-id {id})"
            : $"{PersonNames.Unknown} (Teams/Entra-id {id})";
    }
}

/// <summary>One labelled line of the export; the label is bold, the text is what was stored.</summary>
internal sealed record ExportLine(string Label, string Text);

/// <summary>A titled part of the export. The pager may continue it on the next card under the same title.</summary>
internal sealed record ExportBlock(string Title, List<ExportLine> Lines);

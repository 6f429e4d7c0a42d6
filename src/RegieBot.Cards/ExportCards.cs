using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Reminders;

namespace RegieBot.Cards;

/// <summary>
/// <c>export</c>: everything stored about a casus as a readable document for an inzageverzoek (AVG), delivered
/// as a series of Adaptive Cards in the thread. A bot cannot send files in a Teams channel without extra
/// permissions, and a card is what every Teams client shows; the document is split over as many cards as it
/// needs, each below Teams' size limit, and nothing is shortened.
/// </summary>
public sealed class ExportCards(CardTemplates templates)
{
    /// <summary>The same limit as the kaart card: below Teams' 28 KB with room for the activity around it.</summary>
    public const int MaxBytes = KaartCard.MaxBytes;

    private const int PageBudget = 24 * 1024;

    public const string Intro =
        "Dit is alles wat RegieBot over deze casus heeft opgeslagen, voor een inzageverzoek (AVG): de kaart met al haar versies, " +
        "de bevestigingen, de voorgestelde wijzigingen, de afsluiting en wat nog wordt ingevuld. RegieBot stuurt het als kaarten in deze draad, " +
        "omdat een bot in Teams zonder extra toestemming geen bestanden kan sturen. Neem de tekst over in het dossier van het verzoek. " +
        "Namen van collega's staan erbij met hun Entra-id, want die slaat RegieBot op.";

    public IReadOnlyList<JsonObject> Build(CasusRecords records, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<Block> document = Document(records);
        string generated = KaartCard.FormatMoment(generatedAt);
        List<JsonObject> cards = [];
        for (int budget = PageBudget; budget >= 8 * 1024; budget -= 2 * 1024)
        {
            List<List<Block>> pages = Pack(records.Casus, document, budget);
            cards = [.. pages.Select((page, i) => Render(records.Casus, page, i + 1, pages.Count, generated))];
            if (cards.All(c => Bytes(c) <= MaxBytes))
            {
                break;
            }
        }

        return cards;
    }

    private List<List<Block>> Pack(string casus, List<Block> document, int budget)
    {
        int empty = Bytes(Render(casus, [], 1, 1, string.Empty));
        List<List<Block>> pages = [];
        List<Block> page = [];
        int size = Bytes(Render(casus, [], 1, 1, string.Empty, withIntro: true));
        foreach (Block block in document)
        {
            Block current = block with { Lines = [] };
            int blockSize = BlockCost(casus, current, empty);
            if (page.Count > 0 && size + blockSize + (block.Lines.Count > 0 ? LineCost(casus, block.Lines[0], empty) : 0) > budget)
            {
                pages.Add(page);
                page = [];
                size = empty;
            }

            page.Add(current);
            size += blockSize;
            foreach (Line line in block.Lines)
            {
                int lineSize = LineCost(casus, line, empty);
                if (size + lineSize > budget && current.Lines.Count > 0)
                {
                    pages.Add(page);
                    current = block with { Title = block.Title + " (vervolg)", Lines = [] };
                    page = [current];
                    size = empty + BlockCost(casus, current, empty);
                }

                current.Lines.Add(line);
                size += lineSize;
            }
        }

        pages.Add(page);
        return pages;
    }

    private int BlockCost(string casus, Block block, int empty) =>
        Bytes(Render(casus, [block with { Lines = [] }], 1, 1, string.Empty)) - empty;

    private int LineCost(string casus, Line line, int empty)
    {
        Block probe = new("x", [line]);
        return Bytes(Render(casus, [probe], 1, 1, string.Empty)) - empty - BlockCost(casus, probe, empty);
    }

    private JsonObject Render(string casus, IReadOnlyList<Block> blocks, int page, int pages, string generated, bool? withIntro = null) =>
        templates["export"].Expand(new JsonObject
        {
            ["casus"] = casus,
            ["page"] = page,
            ["pages"] = pages,
            ["generatedAt"] = generated,
            ["intro"] = withIntro ?? page == 1 ? Intro : string.Empty,
            ["blocks"] = new JsonArray([.. blocks.Select(b => new JsonObject
            {
                ["title"] = b.Title,
                ["lines"] = new JsonArray([.. b.Lines.Select(l => new JsonObject { ["label"] = l.Label, ["text"] = l.Text })]),
            })]),
        });

    private static int Bytes(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    private static List<Block> Document(CasusRecords records)
    {
        Names names = new(records);
        List<Block> document = [];
        Kaart? kaart = records.Kaart;
        List<Line> about =
        [
            new("Casus: ", records.Casus),
            new("Kenmerk: ", records.KaartId),
        ];
        if (kaart is not null)
        {
            about.Add(new("Aangemaakt op: ", KaartCard.FormatMoment(kaart.CreatedAt)));
            about.Add(new("Status: ", kaart.Status == KaartStatus.Afgesloten ? "afgesloten" : "actief"));
            about.Add(new("Huidige versie: ", $"{kaart.Version}, opgeslagen op {KaartCard.FormatMoment(kaart.UpdatedAt)} door {names.Of(kaart.UpdatedBy)}"));
            about.Add(new("Teams-draad: ", kaart.Location.ThreadId));
            if (kaart.Status != KaartStatus.Afgesloten)
            {
                about.Add(new("Volgende evaluatie: ", KaartCard.FormatDate(kaart.Content.Evaluatiedatum)));
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
            List<Line> closing =
            [
                new("Afgesloten op: ", KaartCard.FormatMoment(closure.ClosedAt)),
                new("Door: ", names.Of(closure.ClosedBy)),
                new("Criterium: ", AfschaalCriteria.Text.TryGetValue(closure.Criterium, out string? criterium) ? criterium : "–"),
            ];
            if (!string.IsNullOrEmpty(closure.OvergedragenAan))
            {
                closing.Add(new("Overgedragen aan: ", closure.OvergedragenAan));
            }

            closing.Add(new("Wordt automatisch verwijderd op: ", KaartCard.FormatDay(closure.RetentionDueAt)));
            document.Add(new("Afsluiting", closing));
        }

        foreach (Kaart version in records.Versions.OrderBy(v => v.Version))
        {
            document.Add(new(
                $"Versie {version.Version} — opgeslagen op {KaartCard.FormatMoment(version.UpdatedAt)} door {names.Of(version.UpdatedBy)}",
                ContentLines(version.Content)));
        }

        document.Add(new("Bevestigingen", Confirmations(records, names)));
        document.Add(new("Voorgestelde wijzigingen", records.Proposals.Count == 0
            ? [new(string.Empty, "Geen.")]
            : [.. records.Proposals.OrderBy(p => p.At).Select(p => new Line($"{names.Of(p.ProposedBy)}, {KaartCard.FormatMoment(p.At)}: ", p.Text))]));

        document.Add(new("Opgeschaald", records.Escalations.Count == 0
            ? [new(string.Empty, "Nooit.")]
            : [.. records.Escalations.OrderBy(e => e.At).Select(e => new Line($"{names.Of(e.By)}, {KaartCard.FormatMoment(e.At)}: ", e.Reason.Length == 0 ? "–" : e.Reason))]));
        document.Add(new("Herinneringen", records.Reminders.Count == 0
            ? [new(string.Empty, "Geen.")]
            : [.. records.Reminders.OrderBy(r => r.Kind).Select(ReminderLine)]));

        if (records.Dialog is { } dialog)
        {
            document.Add(DialogBlock(dialog, names, records.Versions.Count));
        }

        return document;
    }

    private static List<Line> Confirmations(CasusRecords records, Names names)
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
            return new Line(
                $"{names.Of(c.AadObjectId)}: ",
                $"rol bevestigd op {KaartCard.FormatMoment(c.ConfirmedAt)}" + (counts ? string.Empty : " (vervallen door een latere wijziging)"));
        })];
    }

    private static Line ReminderLine(ReminderState reminder)
    {
        string what = reminder.Kind == ReminderKind.Evaluatie ? "Evaluatie: " : "Opschalen als een evaluatie onbeantwoord blijft: ";
        string state = reminder.Status switch
        {
            ReminderStatus.Scheduled => $"gepland op {KaartCard.FormatMoment(reminder.DueAt)}",
            ReminderStatus.Sent => $"verstuurd op {KaartCard.FormatMoment(reminder.SentAt ?? reminder.DueAt)}",
            ReminderStatus.Cancelled => "gestopt",
            _ => "kon niet worden bezorgd",
        };
        return new(what, state);
    }

    private static Block DialogBlock(DialogState dialog, Names names, int versions)
    {
        string status = dialog.Status switch
        {
            DialogStatus.Open => $"wordt ingevuld, stap {(int)dialog.Step + 1} van 7",
            DialogStatus.Saved => "afgerond en opgeslagen",
            _ => "geannuleerd",
        };
        List<Line> lines =
        [
            new("Status: ", status),
            new("Laatst ingevuld: ", $"{KaartCard.FormatMoment(dialog.UpdatedAt)} door {names.Of(dialog.LastEditedBy)}"),
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

    private static List<Line> ContentLines(KaartContent content)
    {
        List<Line> lines = [];
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
        lines.Add(new(Hulpvragen.Datum + " ", KaartCard.FormatDate(content.Datum)));
        lines.Add(new("Evaluatiedatum: ", KaartCard.FormatDate(content.Evaluatiedatum)));
        lines.Add(new("Besproken met cliënt: ", content.BesprokenMetClient ? "ja" : "nee"));
        return lines;
    }

    private static IEnumerable<Line> Agreements(IReadOnlyList<Agreement> agreements) =>
        agreements.Count == 0 ? [new(string.Empty, "–")] : agreements.Select(a => new Line(string.Empty, "• " + a.Text));

    private static string Dash(string value) => value.Length == 0 ? "–" : value;

    private sealed record Line(string Label, string Text);

    private sealed record Block(string Title, List<Line> Lines);

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
            : $"een collega (Teams/Entra-id {id})";
    }
}

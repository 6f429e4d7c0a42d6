using System.Globalization;
using System.Text.Json.Nodes;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Validation;

namespace RegieBot.Cards;

/// <summary>
/// <c>afsluiten</c>: asks which afschaal-criterion of the stappenplan applies (and, for a handover, to whom),
/// then shows the outcome in the same message.
/// </summary>
public sealed class CloseCard(CardTemplates templates)
{
    /// <summary>"Casus afsluiten" on the kaart (and on the evaluation reminder): posts this card.</summary>
    public const string AskVerb = "casusAfsluiten";
    public const string Verb = "afsluiten";
    public const string CancelVerb = "afsluitenAnnuleren";
    public const string CriteriumField = "criterium";
    public const string OvergedragenAanField = "overgedragenAan";

    private const string Intro =
        "Uiteindelijk komt er een moment waarop het (expert)team en daarmee ook de procesregisseur geen rol meer heeft bij de zorgvraag. " +
        "Op dat moment kan er worden afgeschaald. Na het afsluiten komen er geen herinneringen meer en kan de kaart niet meer worden bijgewerkt.";

    /// <summary>The question, with what was refused and why when <paramref name="errors"/> is not empty.</summary>
    public JsonObject Ask(Kaart kaart, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? pending)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(errors);
        string Pending(string key, int maxLength) =>
            pending is not null && pending.TryGetValue(key, out string? value) ? EchoedInput.Cut(value, maxLength) : string.Empty;
        List<string> shown = [.. errors];
        if (pending is not null && pending.TryGetValue(OvergedragenAanField, out string? typed) && typed.Length > Limits.OvergedragenAanMaxLength)
        {
            shown.Insert(0, EchoedInput.Notice(Limits.OvergedragenAanMaxLength));
        }

        return templates["afsluiten"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["isOpen"] = true,
            ["intro"] = Intro,
            ["vraag"] = AfschaalCriteria.Vraag,
            ["errors"] = EchoedInput.Errors(shown),
            ["criterium"] = Pending(CriteriumField, 4),
            ["criteriumChoices"] = new JsonArray([.. AfschaalCriteria.Text.Select(c => new JsonObject
            {
                ["title"] = c.Value,
                ["value"] = ((int)c.Key).ToString(CultureInfo.InvariantCulture),
            })]),
            ["overgedragenAan"] = Pending(OvergedragenAanField, Limits.OvergedragenAanMaxLength),
            ["maxLength"] = Limits.OvergedragenAanMaxLength,
            ["resultLines"] = new JsonArray(),
        });
    }

    /// <summary>The outcome: closed, by whom, on which criterion, and until when its data is kept.</summary>
    public JsonObject Closed(Kaart kaart, string closedBy)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        KaartClosure closure = kaart.Closure ?? throw new ArgumentException("The kaart has no close record.", nameof(kaart));
        List<(string Label, string Text)> lines =
        [
            ("", $"De casus is afgesloten op {DutchDates.Moment(closure.ClosedAt)} door {closedBy}."),
            ("Criterium: ", AfschaalCriteria.Text.TryGetValue(closure.Criterium, out string? text) ? text : "–"),
        ];
        if (!string.IsNullOrEmpty(closure.OvergedragenAan))
        {
            lines.Add(("Overgedragen aan: ", closure.OvergedragenAan));
        }

        lines.Add(("", "Er komen geen herinneringen meer. Bespreek de uitkomst met het gezin: typ @RegieBot clientversie voor een korte uitleg voor hen."));
        lines.Add(("", $"Alle gegevens van deze casus worden op {DutchDates.Day(closure.RetentionDueAt)} automatisch verwijderd. Eerder verwijderen kan met @RegieBot verwijderen."));
        return Result(kaart, lines);
    }

    public JsonObject Cancelled(Kaart kaart) =>
        Result(kaart, [("", "Afsluiten geannuleerd: de casus loopt door.")]);

    private JsonObject Result(Kaart kaart, IEnumerable<(string Label, string Text)> lines)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return templates["afsluiten"].Expand(new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["isOpen"] = false,
            ["intro"] = string.Empty,
            ["errors"] = new JsonArray(),
            ["resultLines"] = new JsonArray([.. lines.Select(l => new JsonObject { ["label"] = l.Label, ["text"] = l.Text })]),
        });
    }
}

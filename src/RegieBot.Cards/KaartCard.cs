using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards;

/// <summary>
/// The regiekaart as one Adaptive Card that mirrors the seed form. User text goes into TextRuns (never
/// markdown). When a large casus would exceed the size budget, agreements are shortened step by step
/// rather than failing.
/// </summary>
public sealed class KaartCard(CardTemplates templates)
{
    /// <summary>Teams' strictest limit is 28 KB; stay below it with room for the activity around the card.</summary>
    public const int MaxBytes = 26 * 1024;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    /// <summary>From full to smallest: compact professionals (one line each), then shorter agreements.</summary>
    private static readonly (bool Compact, int? MaxAgreementLength)[] Levels =
        [(false, null), (true, null), (true, 200), (true, 120), (true, 80), (true, 50)];

    public JsonObject Build(Kaart kaart)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        JsonObject card = null!;
        foreach ((bool compact, int? maxLength) in Levels)
        {
            card = templates["regiekaart"].Expand(Data(kaart, compact, maxLength));
            if (Encoding.UTF8.GetByteCount(card.ToJsonString()) <= MaxBytes)
            {
                return card;
            }
        }

        return card;
    }

    public static string FormatDate(DateOnly? date) => date?.ToString("d MMMM yyyy", Dutch) ?? "–";

    private static JsonObject Data(Kaart kaart, bool compact, int? maxAgreementLength)
    {
        KaartContent content = kaart.Content;
        bool shortened = maxAgreementLength is int max && content.Regievoeren.Concat(content.Afstemming).Any(a => a.Text.Length > max);
        return new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["versionText"] = $" · versie {kaart.Version} · {FormatDate(DateOnly.FromDateTime(kaart.UpdatedAt.UtcDateTime))}",
            ["isClosed"] = kaart.Status == KaartStatus.Afgesloten,
            ["closedText"] = "Afgesloten",
            ["compact"] = compact,
            ["moment"] = Moments.Text.TryGetValue(content.Moment, out string? moment) ? "Aanleiding: " + moment : string.Empty,
            ["professionals"] = new JsonArray([.. content.Professionals.Select(p => new JsonObject
            {
                ["naam"] = p.Naam,
                ["tags"] = Tags(p, content),
                ["functie"] = Dash(p.Functie),
                ["organisatie"] = Dash(p.Organisatie),
                ["contact"] = Dash(p.Contact),
                ["summary"] = DialogCard.Details(p) + Roles(p, content),
            })]),
            ["regievoeren"] = Agreements(content.Regievoeren, maxAgreementLength),
            ["afstemming"] = Agreements(content.Afstemming, maxAgreementLength),
            ["aanspreekpunt"] = Person(content.Aanspreekpunt),
            ["bewaker"] = Person(content.Bewaker),
            ["datum"] = FormatDate(content.Datum),
            ["evaluatiedatum"] = FormatDate(content.Evaluatiedatum),
            ["besproken"] = content.BesprokenMetClient ? "Ja" : "Nee",
            ["shortened"] = shortened,
        };
    }

    private static string Tags(Professional professional, KaartContent content)
    {
        List<string> tags = [professional.IsLinked ? "in Teams" : "extern"];
        if (professional.Regievorm != Regievorm.Geen)
        {
            tags.Add(professional.Regievorm.ToString().ToLowerInvariant());
        }

        if (professional.Id == content.AanspreekpuntId)
        {
            tags.Add("aanspreekpunt");
        }

        if (professional.Id == content.BewakerId)
        {
            tags.Add("houdt zicht op de afspraken");
        }

        return " (" + string.Join(", ", tags) + ")";
    }

    private static string Roles(Professional professional, KaartContent content)
    {
        string[] roles = [.. new[]
        {
            professional.Id == content.AanspreekpuntId ? "aanspreekpunt" : null,
            professional.Id == content.BewakerId ? "houdt zicht op de afspraken" : null,
        }.OfType<string>()];
        return roles.Length == 0 ? string.Empty : " (" + string.Join(", ", roles) + ")";
    }

    private static JsonArray Agreements(IEnumerable<Agreement> agreements, int? maxLength) =>
        [.. agreements.Select(a => JsonValue.Create(maxLength is int max && a.Text.Length > max ? a.Text[..(max - 1)].TrimEnd() + "…" : a.Text))];

    private static string Person(Professional? professional) =>
        professional is null ? "–" : $"{professional.Naam}{DialogCard.Details(professional)}";

    private static string Dash(string value) => value.Length == 0 ? "–" : value;
}

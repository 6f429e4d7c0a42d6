using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Validation;

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

    /// <summary>From full to smallest: compact professionals (one line each), then shorter agreements.</summary>
    private static readonly (bool Compact, int? MaxAgreementLength)[] Levels =
        [(false, null), (true, null), (true, 200), (true, 120), (true, 80), (true, 50), (true, 40)];

    /// <summary>Teams refreshes a card automatically for at most 60 listed users.</summary>
    public const int MaxRefreshUsers = 60;

    public JsonObject Build(Kaart kaart) => Build(new KaartSnapshot(kaart, [], []), viewerAadObjectId: null);

    /// <summary>
    /// The card everyone sees (<paramref name="viewerAadObjectId"/> null), or the view of one linked professional,
    /// with their own confirmation state, as returned to them on refresh or after a click.
    /// </summary>
    public JsonObject Build(KaartSnapshot snapshot, string? viewerAadObjectId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        JsonObject card = null!;
        foreach ((bool compact, int? maxLength) in Levels)
        {
            card = templates["regiekaart"].Expand(Data(snapshot, viewerAadObjectId, compact, maxLength));
            if (snapshot.Kaart.Status == KaartStatus.Afgesloten)
            {
                card.Remove("refresh");   // nothing changes on a closed kaart: no viewer needs to trigger an invoke
            }

            if (Encoding.UTF8.GetByteCount(card.ToJsonString()) <= MaxBytes)
            {
                return card;
            }
        }

        return card;
    }

    /// <summary>
    /// A copy of the card everyone sees, posted as a new message in <paramref name="conversationId"/> (the <c>kaart</c>
    /// command). Outside the kaart's own thread it has no <c>refresh</c>: every action there, the automatic refresh
    /// included, comes from another conversation than the kaart's and is refused, so each listed viewer would only see
    /// an error instead of the card.
    /// </summary>
    public JsonObject Copy(KaartSnapshot snapshot, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        JsonObject card = Build(snapshot, viewerAadObjectId: null);
        if (!string.Equals(conversationId, snapshot.Kaart.Location.ThreadId, StringComparison.Ordinal))
        {
            card.Remove("refresh");
        }

        return card;
    }

    private static JsonObject Data(KaartSnapshot snapshot, string? viewer, bool compact, int? maxAgreementLength)
    {
        Kaart kaart = snapshot.Kaart;
        KaartContent content = kaart.Content;
        KaartConfirmations confirmations = snapshot.State;
        bool closed = kaart.Status == KaartStatus.Afgesloten;
        Professional? viewerEntry = viewer is null ? null : confirmations.ConfirmableBy(viewer, null);
        Confirmation? viewerConfirmation = viewerEntry is null ? null : confirmations.Of(viewerEntry);
        bool shortened = maxAgreementLength is int max && content.Regievoeren.Concat(content.Afstemming).Any(a => a.Text.Length > max);
        return new JsonObject
        {
            ["kaartId"] = kaart.Id,
            ["casus"] = kaart.Casus,
            ["versionText"] = $" · versie {kaart.Version} · {DutchDates.Day(kaart.UpdatedAt)}",
            ["isClosed"] = closed,
            ["refreshUserIds"] = new JsonArray([.. content.Professionals
                .Where(p => p.IsLinked && p.TeamsUserId is not null)
                .Take(MaxRefreshUsers)
                .Select(p => JsonValue.Create(p.TeamsUserId))]),
            ["viewerText"] = viewerEntry is null ? string.Empty
                : viewerConfirmation is null ? $"Je staat op deze kaart als {viewerEntry.Naam}. Bevestig je rol met de knop onderaan, of stel een wijziging voor."
                : $"Je hebt je rol bevestigd op {DutchDates.Moment(viewerConfirmation.ConfirmedAt)}.",
            ["viewerProfessionalId"] = viewerEntry?.Id,
            // Only in the per-user view of a professional who has not yet confirmed: others would only get a refusal.
            ["canConfirm"] = !closed && viewerEntry is not null && viewerConfirmation is null,
            ["proposalMaxLength"] = Limits.ReasonMaxLength,
            ["proposals"] = new JsonArray([.. snapshot.OpenProposals.TakeLast(5).Select(p => new JsonObject
            {
                ["who"] = $"{ProposerName(p, content)}, {DutchDates.Moment(p.At)}",
                ["text"] = p.Text.Length > 200 ? p.Text[..199] + "…" : p.Text,
            })]),
            ["closedText"] = kaart.Closure is { } closure ? $"Afgesloten op {DutchDates.Day(closure.ClosedAt)}" : "Afgesloten",
            ["closedDetails"] = ClosedDetails(kaart.Closure),
            ["compact"] = compact,
            ["moment"] = Moments.Text.TryGetValue(content.Moment, out string? moment) ? "Aanleiding: " + moment : string.Empty,
            ["professionals"] = new JsonArray([.. content.Professionals.Select(p => new JsonObject
            {
                ["naam"] = p.Naam,
                ["tags"] = Tags(p, content),
                ["functie"] = Dash(p.Functie),
                ["organisatie"] = Dash(p.Organisatie),
                ["contact"] = Dash(p.Contact),
                ["status"] = Status(p, confirmations),
                ["statusColor"] = !p.IsLinked ? "Default" : confirmations.Of(p) is null ? "Warning" : "Good",
                ["summary"] = DialogCard.Details(p) + Roles(p, content),
            })]),
            ["regievoeren"] = Agreements(content.Regievoeren, maxAgreementLength),
            ["afstemming"] = Agreements(content.Afstemming, maxAgreementLength),
            ["aanspreekpunt"] = Person(content.Aanspreekpunt),
            ["bewaker"] = Person(content.Bewaker),
            ["datum"] = DutchDates.Date(content.Datum),
            ["evaluatiedatum"] = DutchDates.Date(content.Evaluatiedatum),
            ["besproken"] = content.BesprokenMetClient ? "Ja" : "Nee",
            ["shortened"] = shortened,
        };
    }

    private static JsonArray ClosedDetails(KaartClosure? closure)
    {
        if (closure is null)
        {
            return [];
        }

        JsonArray details = [];
        if (AfschaalCriteria.Brief.TryGetValue(closure.Criterium, out string? criterium))
        {
            details.Add("Afschalen: " + criterium);
        }

        if (!string.IsNullOrEmpty(closure.OvergedragenAan))
        {
            details.Add("Overgedragen aan: " + closure.OvergedragenAan);
        }

        details.Add("Er komen geen herinneringen meer.");
        return details;
    }

    /// <summary>" (in Teams, casusregie, aanspreekpunt)": what the card says after the name.</summary>
    public static string Tags(Professional professional, KaartContent content)
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

    /// <summary>Whether the professional confirmed their role, and when, as the card says it.</summary>
    public static string Status(Professional professional, KaartConfirmations confirmations) =>
        !professional.IsLinked ? "Extern: bevestigt niet in Teams"
        : confirmations.Of(professional) is { } confirmation ? $"✓ Rol bevestigd op {DutchDates.Moment(confirmation.ConfirmedAt)}"
        : "Rol nog niet bevestigd";

    private static string ProposerName(ChangeProposal proposal, KaartContent content) =>
        content.Professionals.FirstOrDefault(p => p.IsLinked && p.AadObjectId == proposal.ProposedBy)?.Naam ?? PersonNames.UnknownOpening;

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

    /// <summary>A professional as sections 3 and 4 name them: name and details.</summary>
    public static string Person(Professional? professional) =>
        professional is null ? "–" : $"{professional.Naam}{DialogCard.Details(professional)}";

    private static string Dash(string value) => value.Length == 0 ? "–" : value;
}

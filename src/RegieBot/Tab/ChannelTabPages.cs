using System.Globalization;
using System.Text;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using static RegieBot.Tab.TabPages;

namespace RegieBot.Tab;

/// <summary>
/// The channel tab's content as an HTML fragment (as <see cref="TabPages"/>: encoded, no inline script or style):
/// the counts at the top, then per kaart its signals, what needs attention first.
/// </summary>
internal static class ChannelTabPages
{
    public static string Overview(ChannelOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        StringBuilder html = new();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(ChannelTabTexts.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"uitleg\">{E(ChannelTabTexts.Intro)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"tellingen\" role=\"status\">{E(ChannelTabTexts.Counts(overview.Late, overview.OpenEscalations, overview.UnconfirmedRoles, overview.Left))}</p>");
        html.Append("<ul class=\"kaarten\">");
        foreach (ChannelKaart row in overview.Rows)
        {
            Row(html, row);
        }

        html.Append("</ul>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, ChannelKaart row)
    {
        ChannelSummary kaart = row.Summary;
        string classes = "kaart" + (row.Attention > 0 ? " aandacht" : string.Empty) + (row.Closed ? " afgesloten" : string.Empty);
        html.Append(CultureInfo.InvariantCulture, $"<li class=\"{classes}\" data-kaart=\"{E(kaart.KaartId)}\" data-aandacht=\"{row.Attention}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(kaart.Casus)}</h2>");
        if (row.Attention > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"signaal\"><strong>{E(ChannelTabTexts.AttentionLabel)}</strong></p>");
        }

        html.Append("<dl class=\"feiten\">");
        Fact(html, ChannelTabTexts.GedragenPlan, Plan(row), cls: row.Unconfirmed.Count > 0 && !row.Closed);
        Fact(html, ChannelTabTexts.IemandHoudtZicht, Watching(kaart), cls: row.NobodyWatching);
        Fact(html, ChannelTabTexts.Evaluatie, Evaluation(row), cls: !row.Closed && (row.Overdue || row.EvaluationWaitsTooLong));
        Fact(html, ChannelTabTexts.Vastgelopen, Escalations(row), cls: row.OpenEscalations.Count > 0);
        Fact(html, ChannelTabTexts.Wijzigingen, row.Left.Count == 0 ? ChannelTabTexts.NobodyLeft : ChannelTabTexts.LeftChannel(Names(row.Left)), cls: row.Left.Count > 0);
        Fact(html, ChannelTabTexts.Status, Status(kaart), cls: false);
        Fact(html, ChannelTabTexts.LastVersion, $"{kaart.Version} · {DutchDates.Day(kaart.UpdatedAt)}", cls: false);
        html.Append("</dl>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"acties\"><a href=\"{E(DeepLink(kaart.ThreadId, kaart.TenantId))}\" data-teams-link target=\"_blank\" rel=\"noopener\">{E(TabTexts.OpenThread)}</a>");
        if (!row.Closed && row.Unconfirmed.Any(p => p.Mentionable))
        {
            html.Append(CultureInfo.InvariantCulture,
                $" <button type=\"button\" data-vraag=\"{E(kaart.KaartId)}\" aria-label=\"{E(ChannelTabTexts.AskFor(kaart.Casus))}\">{E(ChannelTabTexts.AskConfirmation)}</button>");
        }

        html.Append("</p></li>");
    }

    private static string Plan(ChannelKaart row) =>
        row.Linked.Count == 0 ? ChannelTabTexts.NoLinked
        : ChannelTabTexts.Confirmed(row.ConfirmedCount, row.Linked.Count) + ": "
          + (row.Unconfirmed.Count == 0 ? ChannelTabTexts.AllConfirmed : ChannelTabTexts.NotYet(Names(row.Unconfirmed)));

    private static string Watching(ChannelSummary kaart) =>
        ChannelTabTexts.Watching(
            kaart.Bewaker?.Naam ?? ChannelTabTexts.NoBewaker, kaart.Bewaker?.Confirmed ?? false,
            kaart.Aanspreekpunt?.Naam ?? ChannelTabTexts.NoAanspreekpunt, kaart.Aanspreekpunt?.Confirmed ?? false);

    private static string Evaluation(ChannelKaart row)
    {
        if (row.Closed)
        {
            return ChannelTabTexts.NoneClosed;
        }

        DateOnly? evaluatiedatum = row.Summary.Evaluatiedatum;
        string date = evaluatiedatum is null ? ChannelTabTexts.NotPlanned : DutchDates.Date(evaluatiedatum);
        List<string> parts = [date];
        if (row.Overdue)
        {
            parts.Add(ChannelTabTexts.Late);
        }

        if (row.EvaluationWaitsTooLong)
        {
            parts.Add(ChannelTabTexts.EvaluationWaitsTooLong);
        }

        return string.Join(", ", parts);
    }

    private static string Escalations(ChannelKaart row) =>
        row.OpenEscalations is { Count: > 0 } open
            ? string.Join("; ", open.Select(at => ChannelTabTexts.Escalation(DutchDates.Day(at), row.Summary.EscalatedTo ?? ChannelTabTexts.NoBewaker.ToLowerInvariant())))
            : ChannelTabTexts.NoEscalation;

    private static string Status(ChannelSummary kaart)
    {
        string status = kaart switch
        {
            { Closed: true, ClosedAt: { } closedAt } => TabTexts.ClosedOn(DutchDates.Day(closedAt)),
            { Closed: true } => TabTexts.Closed,
            _ => TabTexts.Active,
        };
        return kaart.Closed && kaart.Criterium is { } criterium && AfschaalCriteria.Brief.TryGetValue(criterium, out string? why) ? $"{status}: {why}" : status;
    }

    private static string Names(IEnumerable<SummaryPerson> professionals) => string.Join(", ", professionals.Select(p => p.Naam));

    private static void Fact(StringBuilder html, string term, string value, bool cls) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd{(cls ? " class=\"let-op\"" : string.Empty)}>{E(value)}</dd>");
}

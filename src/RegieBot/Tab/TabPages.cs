using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Scheduling;
using static RegieBot.Cards.KaartFormTexts;

namespace RegieBot.Tab;

/// <summary>
/// The tab's content as HTML fragments, which the page (tab.js) puts into its main element. Every user text is
/// HTML-encoded; no inline script or style, so the CSP can stay <c>script-src 'self'</c>.
/// </summary>
internal static class TabPages
{
    public static string Overview(IReadOnlyList<TabKaart> kaarten)
    {
        ArgumentNullException.ThrowIfNull(kaarten);
        StringBuilder html = new();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(TabTexts.OverviewTitle)}</h1>");
        if (kaarten.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"leeg\">{E(CasusTexts.NoKaartsForYou)}</p>");
            return html.ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"uitleg\">{E(TabTexts.OverviewIntro)}</p>");
        html.Append("<ul class=\"kaarten\">");
        foreach (TabKaart tab in kaarten)
        {
            Kaart kaart = tab.Kaart;
            string id = Uri.EscapeDataString(kaart.Id);
            string classes = "kaart" + (tab.Overdue ? " te-laat" : string.Empty) + (tab.Closed ? " afgesloten" : string.Empty);
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{classes}\" data-kaart=\"{E(kaart.Id)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"./?kaart={id}\">{E(kaart.Casus)}</a></h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"status\">{E(StatusText(tab))}</p>");
            html.Append("<dl class=\"feiten\">");
            string place = tab.Place?.Text is { } text ? $"<span class=\"plek\">{E(text)}</span> · " : string.Empty;
            Fact(html, TabTexts.TeamAndChannel, $"{place}<a href=\"{E(DeepLink(kaart))}\" data-teams-link target=\"_blank\" rel=\"noopener\">{E(TabTexts.OpenThread)}</a>", encoded: true);
            Fact(html, TabTexts.MyRole, MyRole(tab));
            Fact(html, TabTexts.Confirmed, Confirmed(tab));
            Fact(html, TabTexts.NextEvaluation, NextEvaluation(tab));
            Fact(html, TabTexts.OpenEscalations, tab.OpenEscalations.Count == 0 ? TabTexts.None : tab.OpenEscalations.Count.ToString(Dutch));
            Fact(html, TabTexts.UnansweredEvaluation, tab.EvaluationUnanswered ? TabTexts.EvaluationWaits : TabTexts.None);
            html.Append("</dl>");
            html.Append("<figure class=\"tijdlijn\">").Append(TimelineSvg.Render(tab)).Append("<figcaption>").Append(TabTexts.TimelineLegend).Append("</figcaption></figure>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"acties\"><a href=\"./?kaart={id}\">{E(TabTexts.ViewKaart)}</a> <a href=\"./?clientversie={id}\">{E(TabTexts.ViewClientVersion)}</a></p>");
            html.Append("</li>");
        }

        html.Append("</ul>");
        return html.ToString();
    }

    /// <summary>The kaart with the form's own titles and labels, version, date and who confirmed when: for A4.</summary>
    public static string Kaart(TabKaart tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        Kaart kaart = tab.Kaart;
        KaartContent content = kaart.Content;
        KaartConfirmations confirmations = tab.Snapshot.State;
        StringBuilder html = new();
        html.Append("<article class=\"regiekaart\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"casus\"><span class=\"label\">{E(Casus)}</span><strong>{E(kaart.Casus)}</strong></p>");
        if (tab.Place?.Text is { } place)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"plek\">{E(TabTexts.Place(place))}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"versie\">Versie {kaart.Version} · opgeslagen op {E(DutchDates.Day(kaart.UpdatedAt))} · {E(StatusText(tab))}</p>");
        if (Moments.Text.TryGetValue(content.Moment, out string? moment))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"aanleiding\">{E(TabTexts.Aanleiding(moment))}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(Professionals)}</h2><ul class=\"professionals\">");
        foreach (Professional p in content.Professionals)
        {
            html.Append("<li><dl>");
            Fact(html, Naam.TrimEnd(), p.Naam + KaartCard.Tags(p, content));
            Fact(html, Functie.TrimEnd(), Dash(p.Functie));
            Fact(html, Organisatie.TrimEnd(), Dash(p.Organisatie));
            Fact(html, Contact.TrimEnd(), Dash(p.Contact));
            Fact(html, TabTexts.ConfirmationLabel, KaartCard.Status(p, confirmations));
            html.Append("</dl></li>");
        }

        html.Append("</ul></section>");
        Agreements(html, Section1, content.Regievoeren);
        Agreements(html, Section2, content.Afstemming);
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(Section3)}</h2><p>{E(KaartCard.Person(content.Aanspreekpunt))}</p></section>");
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(Section4)}</h2><p>{E(KaartCard.Person(content.Bewaker))}</p></section>");
        html.Append("<section class=\"data\"><dl>");
        Fact(html, Datum, DutchDates.Date(content.Datum));
        Fact(html, Evaluatiedatum, DutchDates.Date(content.Evaluatiedatum) + (tab.Overdue ? TabTexts.Late : string.Empty));
        Fact(html, Besproken, content.BesprokenMetClient ? TabTexts.Yes : TabTexts.No);
        html.Append("</dl></section>");
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"geschiedenis\"><h2>{E(TabTexts.VersionsAndConfirmations)}</h2><ul>");
        foreach (Kaart version in tab.Versions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Versie {version.Version}: {E(DutchDates.Moment(version.UpdatedAt))}, door {E(NameOf(version.UpdatedBy, content))}</li>");
        }

        foreach (Professional p in confirmations.Confirmed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(TabTexts.RoleConfirmedOn(p.Naam, DutchDates.Moment(confirmations.Of(p)!.ConfirmedAt)))}</li>");
        }

        html.Append("</ul></section>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"voet\">{E(TabTexts.Footer(DutchDates.Date(tab.Today)))}</p>");
        html.Append("</article>");
        return html.ToString();
    }

    /// <summary>The client version (<c>clientversie</c>) in plain language, as the card has it, for A4.</summary>
    public static string ClientVersion(TabKaart tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        JsonObject data = ClientCard.Data(tab.Kaart);
        StringBuilder html = new();
        html.Append("<article class=\"clientversie\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(ClientTitle)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"casus\">{E(ClientFor)}<strong>{E(Text(data["casus"]))}</strong>{E(Text(data["subtitle"]))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"voor-professionals\">{E(Text(data["forProfessionals"]))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(ClientContactTitle)}</h2>");
        if (data["contactPerson"] is JsonObject contact)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>{E(Text(contact["naam"]))}</strong>{E(ClientContactIs)}</p>");
            if (Text(contact["werk"]).Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{E(ClientWorksAs)}{E(Text(contact["werk"]))}</p>");
            }

            html.Append(Text(contact["bereikbaar"]).Length > 0
                ? $"<p>{E(ClientReach)}{E(Text(contact["bereikbaar"]))}</p>"
                : $"<p>{E(ClientNoReach)}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(ClientNoContact)}</p>");
        }

        html.Append("</section>");
        List(html, ClientHelpersTitle, data["helpers"], null);
        List(html, ClientAgreementsTitle, data["afspraken"], ClientNoAgreements);
        List(html, Text(data["whenTitle"]), data["whenLines"], null, asParagraphs: true);
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"vraag\">{E(ClientQuestion)}{E(Text(data["closingWho"]))}.</p>");
        html.Append("</article>");
        return html.ToString();
    }

    /// <summary>A link that opens the kaart's thread in Teams (channel id and root message id of the thread).</summary>
    public static string DeepLink(Kaart kaart)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return DeepLink(kaart.Location.ThreadId, kaart.Location.TenantId);
    }

    public static string DeepLink(string thread, string? tenantId)
    {
        ArgumentNullException.ThrowIfNull(thread);
        string channel = KaartLocation.ChannelOf(thread);
        int at = thread.IndexOf(";messageid=", StringComparison.Ordinal);
        string message = at < 0 ? string.Empty : thread[(at + ";messageid=".Length)..];
        string query = $"?parentMessageId={Uri.EscapeDataString(message)}"
            + (tenantId is { } tenant ? $"&tenantId={Uri.EscapeDataString(tenant)}" : string.Empty);
        return $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(channel)}/{Uri.EscapeDataString(message)}{query}";
    }

    internal static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    internal static string StatusText(TabKaart tab) =>
        tab.Kaart is { Status: KaartStatus.Afgesloten, Closure: { } closure } ? TabTexts.ClosedOn(DutchDates.Day(closure.ClosedAt))
        : tab.Closed ? TabTexts.Closed
        : TabTexts.Active;

    private static string MyRole(TabKaart tab)
    {
        KaartContent content = tab.Kaart.Content;
        List<string> roles = [];
        foreach (Professional p in tab.Mine)
        {
            roles.Add(p.Regievorm == Regievorm.Geen ? TabTexts.NoRegievorm : p.Regievorm.ToString().ToLowerInvariant());
            if (p.Id == content.AanspreekpuntId)
            {
                roles.Add(TabTexts.AanspreekpuntRole);
            }

            if (p.Id == content.BewakerId)
            {
                roles.Add(TabTexts.BewakerRole);
            }
        }

        string text = string.Join(", ", roles.Distinct(StringComparer.Ordinal));
        return text.Length == 0 ? text : char.ToUpper(text[0], Dutch) + text[1..];
    }

    private static string Confirmed(TabKaart tab)
    {
        KaartConfirmations state = tab.Snapshot.State;
        Confirmation? mine = tab.Mine.Select(state.Of).FirstOrDefault(c => c is not null);
        return mine is null ? TabTexts.NotYetConfirmed : TabTexts.ConfirmedOn(DutchDates.Moment(mine.ConfirmedAt));
    }

    private static string NextEvaluation(TabKaart tab) =>
        tab.Closed ? TabTexts.NoneClosed
        : tab.Kaart.Content.Evaluatiedatum is null ? TabTexts.NotYetPlanned
        : DutchDates.Date(tab.Kaart.Content.Evaluatiedatum) + (tab.Overdue ? TabTexts.Late : string.Empty);

    private static string NameOf(string? aadObjectId, KaartContent content) => PersonNames.Of(content, aadObjectId);

    private static void Agreements(StringBuilder html, string title, IReadOnlyList<Agreement> agreements)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(title)}</h2>");
        html.Append(agreements.Count == 0 ? "<p>–</p>" : "<ul>" + string.Concat(agreements.Select(a => $"<li>{E(a.Text)}</li>")) + "</ul>");
        html.Append("</section>");
    }

    private static void List(StringBuilder html, string title, JsonNode? items, string? empty, bool asParagraphs = false)
    {
        string[] lines = items is JsonArray array ? [.. array.Select(Text).Where(l => l.Length > 0)] : [];
        if (lines.Length == 0 && empty is null)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(title)}</h2>");
        html.Append(lines.Length == 0 ? $"<p>{E(empty!)}</p>"
            : asParagraphs ? string.Concat(lines.Select(l => $"<p>{E(l)}</p>"))
            : "<ul>" + string.Concat(lines.Select(l => $"<li>{E(l)}</li>")) + "</ul>");
        html.Append("</section>");
    }

    internal static void Fact(StringBuilder html, string term, string value, bool encoded = false) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{(encoded ? value : E(value))}</dd>");

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;

    private static string Dash(string value) => value.Length == 0 ? "–" : value;

    internal static string E(string text) => HtmlEncoder.Default.Encode(text);
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace RegieBot.EndToEndTests.Harness;

/// <summary>
/// Steps the end-to-end tests share: a whole regiekaart dialog clicked through by several mock users, asking for a
/// card or a text in a thread, and reading what a card would send back (its inputs' values, as Teams sends them).
/// </summary>
public sealed class KaartFlow(PlaygroundDriver playground)
{
    private PlaygroundDriver Playground => playground;

    /// <summary>Mentions the bot with <paramref name="command"/> in the kaart's thread and waits for the new card it posts there.</summary>
    public async Task<BotCall> AskForCardAsync(SentMessage start, string command, string title, string casus, CancellationToken cancellationToken, MockUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        int asked = Playground.Mark();
        await Playground.SendMessageAsAsync(user ?? MockTeam.Wijkteam, start.ConversationId, $"<at>{MockTeam.BotName}</at> {command}", cancellationToken);
        return await Playground.WaitForBotCallAsync(
            asked,
            $"the card '{title}' posted in the thread after '@RegieBot {command}'",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ConversationId == start.ConversationId && c.PostedActivityId is not null
                && c.CardText.Contains(title, StringComparison.Ordinal) && c.CardText.Contains(casus, StringComparison.Ordinal),
            cancellationToken);
    }

    public const string ExternalName = "Kees de Jong";
    public const string ExternalContact = "kees@huisarts.example";

    /// <summary>Walks the whole dialog in a new thread, clicking as different mock users, and returns the posted kaart.</summary>
    public async Task<(SentMessage Start, BotCall Kaart)> MakeKaartAsync(
        string casus,
        MockUser[] members,
        string[] regie,
        string[] afstemming,
        DateOnly datum,
        DateOnly evaluatiedatum,
        bool withExternal,
        CancellationToken cancellationToken)
    {
        int mark = Playground.Mark();
        SentMessage start = await Playground.MentionBotAsync(MockTeam.ChannelId, "start " + casus, cancellationToken);
        BotCall card = await Playground.WaitForBotCallAsync(
            mark,
            "the first dialog step posted as a card in the thread",
            c => c.IsMessage && c.Succeeded && c.ConversationId == start.ConversationId && c.AdaptiveCards.Count > 0 && c.PostedActivityId is not null,
            cancellationToken);
        BotCall posted = card;

        card = await StepAsync(MockTeam.Wijkteam, posted, card, "Volgende", new() { ["moment"] = "1" }, "Betrokken professionals", cancellationToken);

        MockUser[] clickers = [MockTeam.Jeugdconsulent, MockTeam.GecertificeerdeInstelling, MockTeam.School];
        for (int i = 0; i < members.Length; i++)
        {
            MockUser member = members[i];
            card = await StepAsync(
                clickers[i % clickers.Length],
                posted,
                card,
                "Toevoegen",
                new()
                {
                    ["lid"] = member.AadObjectId,
                    ["functie"] = member.Role,
                    ["organisatie"] = "Organisatie " + member.Surname,
                    ["regievorm"] = i == 0 ? "Casusregie" : "Geen",
                },
                member.Name,
                cancellationToken);
        }

        if (withExternal)
        {
            card = await StepAsync(
                MockTeam.Zorgaanbieder,
                posted,
                card,
                "Toevoegen",
                new()
                {
                    ["lid"] = "extern",
                    ["naam"] = ExternalName,
                    ["functie"] = "huisarts",
                    ["organisatie"] = "Huisartsenpraktijk",
                    ["contact"] = ExternalContact,
                    ["regievorm"] = "Geen",
                },
                ExternalName,
                cancellationToken);
        }

        card = await StepAsync(MockTeam.Jeugdconsulent, posted, card, "Volgende", [], "1. Gemaakte afspraken over regievoeren", cancellationToken);
        card = await StepAsync(MockTeam.Wijkteam, posted, card, "Volgende", new() { ["afspraken"] = string.Join("\n", regie) }, "2. Gemaakte afspraken over de onderlinge afstemming", cancellationToken);
        card = await StepAsync(MockTeam.GecertificeerdeInstelling, posted, card, "Volgende", new() { ["afspraken"] = string.Join("\n", afstemming) }, "3. Deze professional is het vaste aanspreekpunt", cancellationToken);
        card = await StepAsync(MockTeam.Jeugdconsulent, posted, card, "Volgende", new() { ["aanspreekpunt"] = "p1" }, "4. Deze professional houdt zicht op naleving", cancellationToken);
        card = await StepAsync(MockTeam.Wijkteam, posted, card, "Volgende", new() { ["bewaker"] = "p2" }, "Datum en evaluatie", cancellationToken);

        int saved = Playground.Mark();
        card = await StepAsync(
            MockTeam.Jeugdconsulent,
            posted,
            card,
            "Opslaan",
            new()
            {
                ["datum"] = datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["evaluatiedatum"] = evaluatiedatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["besproken"] = "true",
            },
            "Regiekaart opgeslagen",
            cancellationToken);
        BotCall kaart = await Playground.WaitForBotCallAsync(
            saved,
            "the regiekaart posted as a new message in the thread",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ConversationId == start.ConversationId
                && c.PostedActivityId is not null && c.CardText.Contains("Betrokken professionals:", StringComparison.Ordinal),
            cancellationToken);
        return (start, kaart);
    }

    /// <summary>Clicks <paramref name="title"/> on the current step card and waits for the card updated in place showing <paramref name="expect"/>.</summary>
    public async Task<BotCall> StepAsync(
        MockUser user, BotCall posted, BotCall current, string title, Dictionary<string, string> inputs, string expect, CancellationToken cancellationToken)
    {
        int clicked = Playground.Mark();
        InvokeResult? result = await Playground.ClickAsync(user, current, title, inputs, cancellationToken);
        Assert.True(
            result is { StatusCode: 200 } && StatusOf(result) is null or 200,
            Playground.Explain(clicked, $"'{title}' by {user.Name} was answered {result?.StatusCode}: {result?.Body?.ToJsonString()}"));
        return await Playground.WaitForBotCallAsync(
            clicked,
            $"the step card updated in place showing '{expect}' after {user.Name} clicked '{title}'",
            c => c.IsUpdateOf(posted) && c.Succeeded && c.CardText.Contains(expect, StringComparison.Ordinal),
            cancellationToken);
    }

    /// <summary>
    /// Walks a <c>bijwerken</c> dialog from its first step (<paramref name="step"/>, the posted card) as <paramref name="user"/>,
    /// sending on every step what the card shows (as Teams does) with <paramref name="overrides"/> for the inputs that
    /// step has; returns the last step's card when <paramref name="stopAtAfronding"/>, else the card after "Opslaan".
    /// </summary>
    public async Task<BotCall> WalkUpdateAsync(
        MockUser user, BotCall step, Dictionary<string, string> overrides, CancellationToken cancellationToken, bool stopAtAfronding = false)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        string[] next =
        [
            "Betrokken professionals", "1. Gemaakte afspraken over regievoeren", "2. Gemaakte afspraken over de onderlinge afstemming",
            "3. Deze professional is het vaste aanspreekpunt", "4. Deze professional houdt zicht op naleving", "Datum en evaluatie",
        ];
        BotCall card = step;
        HashSet<string> used = [];
        foreach (string expect in next)
        {
            Dictionary<string, string> inputs = InputValues(card);
            foreach ((string id, string value) in overrides)
            {
                if (inputs.ContainsKey(id) && used.Add(id))
                {
                    inputs[id] = value;
                }
            }

            card = await StepAsync(user, step, card, "Volgende", inputs, expect, cancellationToken);
        }

        return stopAtAfronding ? card : await StepAsync(user, step, card, "Opslaan", InputValues(card), "Regiekaart bijgewerkt", cancellationToken);
    }

    /// <summary>Mentions the bot with <paramref name="command"/> in <paramref name="conversationId"/> as <paramref name="user"/> and waits for a text reply there containing <paramref name="expect"/>.</summary>
    public async Task<BotCall> AskForTextAsync(MockUser user, string conversationId, string command, string expect, CancellationToken cancellationToken)
    {
        int asked = Playground.Mark();
        await Playground.SendMessageAsAsync(user, conversationId, $"<at>{MockTeam.BotName}</at> {command}", cancellationToken);
        return await Playground.WaitForBotCallAsync(
            asked,
            $"a text containing '{expect}' after '@RegieBot {command}'",
            c => c.IsMessage && c.Succeeded && c.ConversationId == conversationId && c.Text?.Contains(expect, StringComparison.Ordinal) == true,
            cancellationToken);
    }

    /// <summary>The values a card's inputs hold (id → value), as Teams sends them with a click when nothing is typed.</summary>
    public static Dictionary<string, string> InputValues(BotCall card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Dictionary<string, string> values = new(StringComparer.Ordinal);
        foreach (JsonObject element in card.CardElements)
        {
            if (element["type"]?.ToString() is { } type && type.StartsWith("Input.", StringComparison.Ordinal)
                && element["id"]?.ToString() is { } id && element["value"] is JsonValue value)
            {
                values[id] = value.ToString();
            }
        }

        return values;
    }

    /// <summary>The statusCode inside the bot's invoke response body, when it has one.</summary>
    public static int? StatusOf(InvokeResult? result) =>
        result?.Body?["statusCode"] is JsonValue value && value.TryGetValue(out int code) ? code : null;

    public static string Unique() => Guid.NewGuid().ToString("N")[..6];
}

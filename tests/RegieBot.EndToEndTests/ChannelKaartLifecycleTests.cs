using System.Globalization;
using System.Text.Json.Nodes;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>
/// A regiekaart from <c>@RegieBot start</c> to the posted kaart, walked click by click through the Playground by
/// several mock users, and what happens to the posted kaart afterwards (<c>kaart</c>, role confirmations).
/// Every test works in a thread of its own (a unique casus alias) and only looks at bot calls in that thread.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ChannelKaartLifecycleTests(EndToEndEnvironment environment)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private PlaygroundDriver Playground => environment.Playground;

    private KaartFlow Flow => new(environment.Playground);

    private const string ExternalName = KaartFlow.ExternalName;
    private const string ExternalContact = KaartFlow.ExternalContact;

    private Task<BotCall> AskForCardAsync(SentMessage start, string command, string title, string casus, CancellationToken cancellationToken) =>
        Flow.AskForCardAsync(start, command, title, casus, cancellationToken);

    private Task<(SentMessage Start, BotCall Kaart)> MakeKaartAsync(
        string casus, MockUser[] members, string[] regie, string[] afstemming, DateOnly datum, DateOnly evaluatiedatum, bool withExternal, CancellationToken cancellationToken) =>
        Flow.MakeKaartAsync(casus, members, regie, afstemming, datum, evaluatiedatum, withExternal, cancellationToken);

    [Fact]
    public async Task Dialog_FourProfessionalsOneExternal_FromStartToPostedKaart_AndKaartReturnsIt()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie L. " + Unique();
        string[] regie = ["Mohammed heeft de casusregie en belt het gezin elke week.", "Petra bewaakt de maatregel."];
        string[] afstemming = ["Elke maand een casusoverleg in dit kanaal.", "Wijzigingen eerst hier melden."];
        DateOnly datum = EndToEndEnvironment.BotToday;
        DateOnly evaluatiedatum = datum.AddMonths(3);

        (SentMessage start, BotCall kaart) = await MakeKaartAsync(
            casus,
            [MockTeam.Wijkteam, MockTeam.GecertificeerdeInstelling, MockTeam.MaatschappelijkWerker],
            regie,
            afstemming,
            datum,
            evaluatiedatum,
            withExternal: true,
            cancellationToken);

        string text = kaart.CardText;
        string[] expected =
        [
            "Betrokken professionals:", MockTeam.Wijkteam.Name, MockTeam.GecertificeerdeInstelling.Name, MockTeam.MaatschappelijkWerker.Name,
            ExternalName, ExternalContact, .. regie, .. afstemming, FormatDate(datum), FormatDate(evaluatiedatum),
        ];
        string[] missing = [.. expected.Where(e => !text.Contains(e, StringComparison.Ordinal))];
        Assert.True(missing.Length == 0, $"The posted kaart lacks: {string.Join(" | ", missing)}. {kaart.Summary()}{Environment.NewLine}{text}");

        int asked = Playground.Mark();
        await Playground.SendMessageAsAsync(MockTeam.School, start.ConversationId, $"<at>{MockTeam.BotName}</at> kaart", cancellationToken);
        BotCall copy = await Playground.WaitForBotCallAsync(
            asked,
            "a copy of the kaart posted in the thread after '@RegieBot kaart'",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ConversationId == start.ConversationId
                && c.CardText.Contains("Betrokken professionals:", StringComparison.Ordinal)
                && c.CardText.Contains(casus, StringComparison.Ordinal),
            cancellationToken);
        string[] copyMissing = [.. expected.Where(e => !copy.CardText.Contains(e, StringComparison.Ordinal))];
        Assert.True(copyMissing.Length == 0, Playground.Explain(asked, $"The kaart copy lacks: {string.Join(" | ", copyMissing)}. {copy.Summary()}"));

        // The harness cannot restart the bot process (EndToEndEnvironment starts it once per collection), so
        // "kaart still returns it after a restart" is not covered here.
    }

    [Fact]
    public async Task Confirm_ThreeMembersConfirm_AndAnOutsiderIsRefused()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie B. " + Unique();
        MockUser[] members = [MockTeam.Wijkteam, MockTeam.GecertificeerdeInstelling, MockTeam.Zorgaanbieder];
        DateOnly datum = EndToEndEnvironment.BotToday;
        (SentMessage _, BotCall kaart) = await MakeKaartAsync(
            casus, members, ["Fatma behandelt."], ["Maandelijks overleg."], datum, datum.AddMonths(3), withExternal: true, cancellationToken);
        Assert.Equal(0, Confirmations(kaart));

        BotCall latest = kaart;
        for (int i = 0; i < members.Length; i++)
        {
            int clicked = Playground.Mark();
            InvokeResult? result = await ConfirmOwnRoleAsync(members[i], kaart, cancellationToken);
            Assert.True(
                result is { StatusCode: 200 } && StatusOf(result) is null or 200,
                Playground.Explain(clicked, $"{members[i].Name}'s confirmation was answered {result?.StatusCode}: {result?.Body?.ToJsonString()}"));
            int expectedCount = i + 1;
            latest = await Playground.WaitForBotCallAsync(
                clicked,
                $"the posted kaart updated in place with {expectedCount} confirmation(s) after {members[i].Name} confirmed",
                c => c.IsUpdateOf(kaart) && c.Succeeded && Confirmations(c) == expectedCount,
                cancellationToken);
        }

        Assert.True(Confirmations(latest) == 3, Playground.Explain(0, $"Expected three confirmations on the kaart: {latest.CardText}"));

        InvokeResult outsidersView = await Playground.RefreshCardAsync(MockTeam.School, kaart, cancellationToken);
        Assert.True(
            FindExecute(outsidersView.Value, "Ik bevestig mijn rol") is null && kaart.AdaptiveCards.All(c => FindExecute(c, "Ik bevestig mijn rol") is null),
            $"Only a professional's own view offers 'Ik bevestig mijn rol': {outsidersView.Body?.ToJsonString()}");
        int outsider = Playground.Mark();
        JsonObject forged = new() { ["kaartId"] = kaart.AdaptiveCards.Select(c => c["refresh"]?["action"]?["data"]?["kaartId"]?.DeepClone()).First(k => k is not null) };
        InvokeResult? refused = await Playground.ExecuteCardActionAsync(MockTeam.School, kaart, "bevestigen", forged, cancellationToken, "Ik bevestig mijn rol");
        // The Playground passes on the bot's invoke response body as {type, value} (HTTP 200); the bot's own
        // answer, with its statusCode, is in the recording of the invoke it delivered.
        Assert.True(
            refused is { Type: "application/vnd.microsoft.activity.message" }
                && refused.Value?.ToString().Contains("Alleen de professional zelf", StringComparison.Ordinal) == true,
            Playground.Explain(outsider, $"An outsider's confirmation should be refused with a message Teams shows; got {refused?.StatusCode}: {refused?.Body?.ToJsonString()}"));
        PlaygroundEvent invoke = Playground.ReadEvents().Skip(outsider).First(e => e.ToBot && e.ActivityName == "invoke");
        Assert.True(
            invoke.ResponseBody?["statusCode"]?.GetValue<int>() == 200,
            Playground.Explain(outsider, $"The bot should answer the outsider's invoke with statusCode 200 and its message; it answered HTTP {invoke.StatusCode}: {invoke.ResponseBody?.ToJsonString()}"));

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        BotCall[] changes = [.. Playground.ReadBotCalls().Where(c => c.Event.Index >= outsider && c.IsUpdateOf(kaart))];
        Assert.True(changes.Length == 0, Playground.Explain(outsider, $"The kaart changed after the outsider's click: {string.Join("; ", changes.Select(c => c.Summary()))}"));
    }

    [Fact]
    public async Task Evaluation_ArrivesInTheThreadOnce_AndEachOfItsButtonsWorks()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Assert.Equal("PT20S", EndToEndEnvironment.EvaluationPeriod);
        string casus = "Familie E. " + Unique();
        DateOnly datum = EndToEndEnvironment.BotToday;
        (SentMessage start, BotCall kaart) = await MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed heeft de regie."], ["Elke maand overleg."], datum, datum.AddDays(1), withExternal: false, cancellationToken);
        int saved = kaart.Event.Index;

        bool IsEvaluation(BotCall c) => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity
            && c.CardText.Contains("Evaluatie van de regiekaart", StringComparison.Ordinal)
            && c.CardText.Contains(casus, StringComparison.Ordinal);

        BotCall evaluation = await Playground.WaitForBotCallAsync(
            saved, "the evaluation card in the thread about 20 s after saving", IsEvaluation, cancellationToken, TimeSpan.FromSeconds(60));
        Assert.True(
            evaluation.ThreadConversationId == start.ConversationId,
            Playground.Explain(saved, $"The evaluation card was not posted in the kaart's thread {start.ConversationId}: {evaluation.Summary()}"));
        Assert.NotNull(evaluation.PostedActivityId);

        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);   // more than two polls: no second card
        BotCall[] evaluations = [.. Playground.ReadBotCalls().Where(c => c.Event.Index > saved && IsEvaluation(c))];
        Assert.True(evaluations.Length == 1, Playground.Explain(saved, $"Expected one evaluation card, saw {evaluations.Length}."));

        int clicked = Playground.Mark();
        InvokeResult? result = await Playground.ClickAsync(MockTeam.Wijkteam, evaluation, "Afspraken blijven staan", null, cancellationToken);
        Assert.True(
            result is { StatusCode: 200 } && StatusOf(result) is null or 200,
            Playground.Explain(clicked, $"'Afspraken blijven staan' was answered {result?.StatusCode}: {result?.Body?.ToJsonString()}"));
        BotCall answered = await Playground.WaitForBotCallAsync(
            clicked,
            "the evaluation card updated in place to say the agreements stand",
            c => c.IsUpdateOf(evaluation) && c.Succeeded && c.CardText.Contains("Afspraken blijven staan (", StringComparison.Ordinal),
            cancellationToken);
        Assert.True(
            answered.CardText.Contains(MockTeam.Wijkteam.Name, StringComparison.Ordinal) && answered.FindAction("Afspraken blijven staan") is null,
            Playground.Explain(clicked, $"The answered evaluation card should name who answered and have no buttons left: {answered.Summary()}"));

        // One period later the next evaluation: "Herinner over een week" puts it off and says until when.
        BotCall second = await Playground.WaitForBotCallAsync(
            clicked, "the next evaluation card, one period after the first was answered", c => IsEvaluation(c) && c.PostedActivityId != evaluation.PostedActivityId, cancellationToken, TimeSpan.FromSeconds(60));
        int postponing = Playground.Mark();
        InvokeResult? later = await Playground.ClickAsync(MockTeam.GecertificeerdeInstelling, second, "Herinner over een week", null, cancellationToken);
        Assert.True(later is { StatusCode: 200 } && StatusOf(later) is null or 200, Playground.Explain(postponing, $"'Herinner over een week' was answered {later?.StatusCode}: {later?.Body?.ToJsonString()}"));
        await Playground.WaitForBotCallAsync(
            postponing, "the second evaluation card updated to say it was put off", c => c.IsUpdateOf(second) && c.Succeeded && c.CardText.Contains("Herinnering verzet door", StringComparison.Ordinal), cancellationToken);

        // The third: "Casus afsluiten" asks the afschaal-question in the thread, "Regiekaart bijwerken" starts the update there.
        BotCall third = await Playground.WaitForBotCallAsync(
            postponing, "the evaluation card after the postponed one", c => IsEvaluation(c) && c.PostedActivityId != evaluation.PostedActivityId && c.PostedActivityId != second.PostedActivityId, cancellationToken, TimeSpan.FromSeconds(60));
        int closing = Playground.Mark();
        await Playground.ClickAsync(MockTeam.Wijkteam, third, "Casus afsluiten", null, cancellationToken);
        await Playground.WaitForBotCallAsync(
            closing, "the afschaal-question posted in the thread after 'Casus afsluiten' on the evaluation card",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ConversationId == start.ConversationId
                && c.CardText.Contains("Criteria die gehanteerd kunnen worden", StringComparison.Ordinal) && c.CardText.Contains(casus, StringComparison.Ordinal),
            cancellationToken);
        int updating = Playground.Mark();
        await Playground.ClickAsync(MockTeam.Zorgaanbieder, third, "Regiekaart bijwerken", null, cancellationToken);
        await Playground.WaitForBotCallAsync(
            updating, "the first step of the update posted in the thread after 'Regiekaart bijwerken' on the evaluation card",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ConversationId == start.ConversationId
                && c.CardText.Contains("Waarom maken jullie de regiekaart nu?", StringComparison.Ordinal),
            cancellationToken);
    }

    [Fact]
    public async Task Clientversie_AndAfsluiten_TheFamilysSummaryAndAClosedKaartInTheThread()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie S. " + Unique();
        DateOnly datum = EndToEndEnvironment.BotToday;
        (SentMessage start, BotCall kaart) = await MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed komt elke week langs."], ["Elke maand overleg tussen de hulpverleners."], datum, datum.AddMonths(3), withExternal: false, cancellationToken);

        BotCall summary = await AskForCardAsync(start, "clientversie", "Afspraken over jullie hulp", casus, cancellationToken);
        string text = summary.CardText;
        Assert.True(
            text.Contains(MockTeam.Wijkteam.Name, StringComparison.Ordinal) && text.Contains("Mohammed komt elke week langs.", StringComparison.Ordinal),
            $"The family's summary should name their aanspreekpunt ({MockTeam.Wijkteam.Name}) and what was agreed for them: {text}");
        Assert.True(
            !text.Contains("Elke maand overleg tussen de hulpverleners.", StringComparison.Ordinal) && !text.Contains(MockTeam.Zorgaanbieder.Name, StringComparison.Ordinal),
            $"The family's summary should leave out the professionals' own agreements and the names of the other professionals: {text}");

        BotCall question = await AskForCardAsync(start, "afsluiten", "Casus afsluiten", casus, cancellationToken);
        int closing = Playground.Mark();
        InvokeResult? result = await Playground.ClickAsync(MockTeam.Wijkteam, question, "Casus afsluiten", new Dictionary<string, string> { ["criterium"] = "1" }, cancellationToken);
        Assert.True(
            result is { StatusCode: 200 } && StatusOf(result) is null or 200,
            Playground.Explain(closing, $"'Casus afsluiten' was answered {result?.StatusCode}: {result?.Body?.ToJsonString()}"));
        BotCall closed = await Playground.WaitForBotCallAsync(
            closing,
            "the posted kaart updated in place to show it is closed",
            c => c.IsUpdateOf(kaart) && c.Succeeded && c.CardText.Contains("Afgesloten op", StringComparison.Ordinal),
            cancellationToken);
        Assert.True(
            closed.FindAction("Ik bevestig mijn rol") is null,
            Playground.Explain(closing, $"A closed kaart has nothing left to confirm: {closed.Summary()}"));

        BotCall after = await AskForCardAsync(start, "clientversie", "Afspraken over jullie hulp", casus, cancellationToken);
        Assert.True(
            after.CardText.Contains("De hulp is nu goed geregeld.", StringComparison.Ordinal),
            $"After closing, the family's summary should say in plain words why the extra cooperation stops: {after.CardText}");
    }

    [Fact]
    public async Task Logs_OfAKaartFromStartToConfirmation_NameNoAliasProfessionalContactOrAgreement()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie P. " + Unique();
        string[] regie = [$"Yasmina belt het gezin elke week ({Unique()})."];
        string[] afstemming = [$"Elke maand overleg op school ({Unique()})."];
        DateOnly datum = EndToEndEnvironment.BotToday;
        (SentMessage start, BotCall kaart) = await MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.GecertificeerdeInstelling], regie, afstemming, datum, datum.AddMonths(3), withExternal: true, cancellationToken);
        int clicked = Playground.Mark();
        await ConfirmOwnRoleAsync(MockTeam.Wijkteam, kaart, cancellationToken);
        await Playground.WaitForBotCallAsync(clicked, "the kaart updated with the confirmation", c => c.IsUpdateOf(kaart) && c.Succeeded && Confirmations(c) == 1, cancellationToken);
        await AskForCardAsync(start, "kaart", "Betrokken professionals:", casus, cancellationToken);

        IReadOnlyList<string> output = environment.Bot.Output();
        Assert.Contains(output, l => l.Contains("RegieBot.Bot.TurnPipeline", StringComparison.Ordinal));   // the turns were logged, at Debug too
        string[] personal = [casus, .. regie, .. afstemming, ExternalName, ExternalContact, MockTeam.Wijkteam.Name, MockTeam.GecertificeerdeInstelling.Name];
        string[] leaks = [.. output.Where(l => personal.Any(p => l.Contains(p, StringComparison.Ordinal)))];
        Assert.True(leaks.Length == 0, $"The bot's log names the casus, a professional or an agreement:{Environment.NewLine}{string.Join(Environment.NewLine, leaks.Take(10))}");
    }

    /// <summary>
    /// "Ik bevestig mijn rol" as Teams offers it: the card refreshes for <paramref name="user"/> (the per-user view),
    /// who clicks the button of that view; the shared card has none.
    /// </summary>
    private async Task<InvokeResult?> ConfirmOwnRoleAsync(MockUser user, BotCall kaart, CancellationToken cancellationToken)
    {
        InvokeResult view = await Playground.RefreshCardAsync(user, kaart, cancellationToken);
        JsonObject action = FindExecute(view.Value, "Ik bevestig mijn rol")
            ?? throw new InvalidOperationException($"{user.Name}'s own view of the kaart has no 'Ik bevestig mijn rol': {view.Body?.ToJsonString()}");
        return await Playground.ExecuteCardActionAsync(
            user, kaart, action["verb"]!.GetValue<string>(), action["data"]?.DeepClone() as JsonObject, cancellationToken, "Ik bevestig mijn rol");
    }

    private static JsonObject? FindExecute(JsonNode? node, string title) => node switch
    {
        JsonObject obj when obj["type"]?.ToString() == "Action.Execute" && obj["title"]?.ToString() == title => obj,
        JsonObject obj => obj.Select(p => FindExecute(p.Value, title)).FirstOrDefault(a => a is not null),
        JsonArray array => array.Select(n => FindExecute(n, title)).FirstOrDefault(a => a is not null),
        _ => null,
    };

    private static int? StatusOf(InvokeResult? result) => KaartFlow.StatusOf(result);

    /// <summary>How many professionals the kaart shows as confirmed (a "✓ Rol bevestigd op …" text per professional).</summary>
    private static int Confirmations(BotCall kaart) =>
        kaart.CardElements.Count(e => e["type"]?.ToString() is "TextBlock" or "TextRun"
            && e["text"]?.ToString().Contains("Rol bevestigd op", StringComparison.Ordinal) == true);

    private static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];
}

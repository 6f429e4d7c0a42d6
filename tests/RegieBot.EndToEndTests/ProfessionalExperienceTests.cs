using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.EndToEndTests.Harness;

namespace RegieBot.EndToEndTests;

/// <summary>
/// What a professional runs into after the kaart is made, through the Playground: a thread answers only about its
/// own casus, no card outgrows Teams whatever is typed, <c>evaluatie</c>, the same professional twice, escalations in
/// <c>status</c> and <c>geschiedenis</c>, a history that says who and what, and the dates of <c>bijwerken</c>.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ProfessionalExperienceTests(EndToEndEnvironment environment)
{
    private const int TeamsCardLimit = 28 * 1024;
    private const string NoKaartInThread = "In deze draad staat geen regiekaart";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private PlaygroundDriver Playground => environment.Playground;

    private KaartFlow Flow => new(environment.Playground);

    [Fact]
    public async Task ReadingCommands_InAThreadWithoutItsOwnKaart_SayThereIsNoneAndNeverShowAnotherCasus()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string other = "Familie A. " + KaartFlow.Unique();
        await Flow.MakeKaartAsync(other, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed belt."], ["Maandelijks overleg."], Today, Today.AddMonths(3), withExternal: false, cancellationToken);
        string deleted = "Familie D. " + KaartFlow.Unique();
        (SentMessage deletedStart, BotCall _) = await Flow.MakeKaartAsync(
            deleted, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Fatma behandelt."], ["Wekelijks bellen."], Today, Today.AddMonths(3), withExternal: false, cancellationToken);

        BotCall question = await Flow.AskForCardAsync(deletedStart, "verwijderen", "Regiekaart verwijderen?", deleted, cancellationToken);
        int deleting = Playground.Mark();
        await Playground.ClickAsync(MockTeam.Wijkteam, question, "Ja, verwijder alles", null, cancellationToken);
        await Playground.WaitForBotCallAsync(
            deleting, "the deletion confirmed on its card", c => c.IsUpdateOf(question) && c.Succeeded && c.AllText.Contains("verwijderd", StringComparison.Ordinal), cancellationToken);

        // A thread that never had a kaart: a message to the bot opened it, about something else.
        SentMessage helpThread = await Playground.MentionBotAsync(MockTeam.ChannelId, "help", cancellationToken);

        foreach (string thread in new[] { deletedStart.ConversationId, helpThread.ConversationId })
        {
            foreach (string command in new[] { "kaart", "status", "geschiedenis", "clientversie", "export" })
            {
                int asked = Playground.Mark();
                BotCall answer = await Flow.AskForTextAsync(MockTeam.School, thread, command, NoKaartInThread, cancellationToken);
                Assert.True(
                    answer.Text!.Contains("@RegieBot kaart", StringComparison.Ordinal),
                    Playground.Explain(asked, $"'{command}' in a thread without a kaart should say how to see the channel's kaarten: {answer.Text}"));
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                BotCall[] leaks = [.. Playground.ReadBotCalls().Where(c => c.Event.Index >= asked && c.IsMessage && (c.AllText.Contains(other, StringComparison.Ordinal) || c.AllText.Contains("meerdere regiekaarten", StringComparison.Ordinal)))];
                Assert.True(leaks.Length == 0, Playground.Explain(asked, $"'{command}' in a thread without a kaart showed or listed other kaarten: {string.Join("; ", leaks.Select(l => l.Summary()))}"));
            }
        }
    }

    [Fact]
    public async Task OverlongValues_InEveryInputOfEveryStep_AreCutAndTheCardStaysWithinTeamsLimit()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie O. " + KaartFlow.Unique();
        int mark = Playground.Mark();
        SentMessage start = await Playground.MentionBotAsync(MockTeam.ChannelId, "start " + casus, cancellationToken);
        BotCall posted = await Playground.WaitForBotCallAsync(
            mark, "the first dialog step", c => c.IsMessage && c.Succeeded && c.ConversationId == start.ConversationId && c.AdaptiveCards.Count > 0 && c.PostedActivityId is not null, cancellationToken);
        BotCall card = posted;

        (string Button, Dictionary<string, string> Valid, string Next)[] steps =
        [
            ("Volgende", new() { ["moment"] = "1" }, "Betrokken professionals"),
            ("Toevoegen", new() { ["lid"] = MockTeam.Wijkteam.AadObjectId, ["functie"] = "wijkteam", ["organisatie"] = "Wijkteam", ["regievorm"] = "Geen" }, MockTeam.Wijkteam.Name),
            ("Toevoegen", new() { ["lid"] = MockTeam.Zorgaanbieder.AadObjectId, ["functie"] = "zorg", ["organisatie"] = "GGZ", ["regievorm"] = "Geen" }, MockTeam.Zorgaanbieder.Name),
            ("Volgende", [], "1. Gemaakte afspraken over regievoeren"),
            ("Volgende", new() { ["afspraken"] = "Mohammed belt elke week." }, "2. Gemaakte afspraken over de onderlinge afstemming"),
            ("Volgende", new() { ["afspraken"] = "Maandelijks overleg." }, "3. Deze professional is het vaste aanspreekpunt"),
            ("Volgende", new() { ["aanspreekpunt"] = "p1" }, "4. Deze professional houdt zicht op naleving"),
            ("Volgende", new() { ["bewaker"] = "p2" }, "Datum en evaluatie"),
            ("Opslaan", new() { ["datum"] = Iso(Today), ["evaluatiedatum"] = Iso(Today.AddMonths(3)), ["besproken"] = "true" }, "Regiekaart opgeslagen"),
        ];

        int tried = 0;
        foreach ((string button, Dictionary<string, string> valid, string next) in steps)
        {
            string[] inputs = [.. KaartFlow.InputValues(card).Keys];
            if (inputs.Length > 0)
            {
                // Within the Playground's own request limit (100 kB), and with characters JSON escapes (é → \u00e9).
                int length = Math.Min(40_000, 60_000 / inputs.Length);
                Dictionary<string, string> overlong = inputs.ToDictionary(id => id, _ => Overlong(length));
                int clicked = Playground.Mark();
                InvokeResult? refused = await Playground.ClickAsync(MockTeam.School, card, button, overlong, cancellationToken);
                string body = refused?.Body?.ToJsonString() ?? string.Empty;
                int bytes = Encoding.UTF8.GetByteCount(body);
                Assert.True(
                    refused is { StatusCode: 200 } && bytes < TeamsCardLimit && body.Contains("ingekort", StringComparison.Ordinal),
                    Playground.Explain(clicked, $"'{button}' with {length} characters in {string.Join(", ", inputs)} was answered {refused?.StatusCode} with {bytes} bytes (limit {TeamsCardLimit}), saying it was cut: {body.Contains("ingekort", StringComparison.Ordinal)}. {body[..Math.Min(600, body.Length)]}"));
                tried++;
            }

            card = await Flow.StepAsync(MockTeam.Jeugdconsulent, posted, card, button, valid, next, cancellationToken);
        }

        Assert.True(tried >= 8, $"Expected an over-long try on every step with inputs, tried {tried}.");
    }

    [Fact]
    public async Task Evaluatie_PostsTheEvaluationCardNow_InTheKaartsThread()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie V. " + KaartFlow.Unique();
        (SentMessage start, BotCall _) = await Flow.MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed heeft de regie."], ["Elke maand overleg."], Today, Today.AddMonths(3), withExternal: false, cancellationToken);

        int asked = Playground.Mark();
        await Playground.SendMessageAsAsync(MockTeam.School, start.ConversationId, $"<at>{MockTeam.BotName}</at> evaluatie", cancellationToken);
        BotCall evaluation = await Playground.WaitForBotCallAsync(
            asked,
            "the evaluation card in the kaart's thread right after '@RegieBot evaluatie' (the reminder itself comes 20 s after saving)",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ThreadConversationId == start.ConversationId
                && c.CardText.Contains("Evaluatie van de regiekaart", StringComparison.Ordinal) && c.CardText.Contains(casus, StringComparison.Ordinal),
            cancellationToken,
            TimeSpan.FromSeconds(10));
        Assert.True(
            evaluation.FindAction("Afspraken blijven staan") is not null && evaluation.FindAction("Regiekaart bijwerken") is not null && evaluation.FindAction("Casus afsluiten") is not null,
            Playground.Explain(asked, $"The evaluation card should offer the three answers: {evaluation.Summary()}"));
        Assert.True(
            evaluation.CardText.Contains("Wat was de vraag?", StringComparison.Ordinal),
            Playground.Explain(asked, $"The evaluation card should ask the seed's questions: {evaluation.CardText}"));
    }

    [Fact]
    public async Task Bijwerken_TheSameProfessionalAgain_LinkedAsExternalOrTwiceExternal_IsRefused()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie Z. " + KaartFlow.Unique();
        (SentMessage start, BotCall _) = await Flow.MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed belt."], ["Maandelijks overleg."], Today, Today.AddMonths(3), withExternal: true, cancellationToken);

        BotCall step = await Flow.AskForCardAsync(start, "bijwerken", "Waarom maken jullie de regiekaart nu?", casus, cancellationToken);
        BotCall professionals = await Flow.StepAsync(MockTeam.School, step, step, "Volgende", KaartFlow.InputValues(step), "Betrokken professionals", cancellationToken);

        Dictionary<string, string>[] duplicates =
        [
            new() { ["lid"] = "extern", ["naam"] = MockTeam.Wijkteam.Name, ["functie"] = "wijkteam", ["organisatie"] = "Wijkteam", ["contact"] = MockTeam.Wijkteam.Email, ["regievorm"] = "Geen" },
            new() { ["lid"] = "extern", ["naam"] = KaartFlow.ExternalName.ToUpperInvariant(), ["functie"] = "huisarts", ["organisatie"] = "Praktijk", ["contact"] = KaartFlow.ExternalContact, ["regievorm"] = "Geen" },
        ];
        foreach (Dictionary<string, string> duplicate in duplicates)
        {
            int clicked = Playground.Mark();
            InvokeResult? result = await Playground.ClickAsync(MockTeam.School, professionals, "Toevoegen", duplicate, cancellationToken);
            string body = result?.Body?.ToJsonString() ?? string.Empty;
            Assert.True(
                body.Contains("staat al op de kaart", StringComparison.Ordinal),
                Playground.Explain(clicked, $"Adding {duplicate["naam"]} again should be refused with 'staat al op de kaart': {body[..Math.Min(800, body.Length)]}"));
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        BotCall latest = Playground.ReadBotCalls().Last(c => c.IsUpdateOf(step) && c.Succeeded);
        Assert.True(
            latest.CardText.Contains("Op de kaart (3):", StringComparison.Ordinal),
            $"The refused duplicates must not be on the draft: {latest.CardText}");
    }

    [Fact]
    public async Task StatusAndGeschiedenis_ShowTheEscalation_WhoChangedWhat_ByTeamsName_AndTheEvaluationOutcome()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie H. " + KaartFlow.Unique();
        string oldAgreement = $"Mohammed belt het gezin elke week ({KaartFlow.Unique()}).";
        string newAgreement = $"Mohammed belt het gezin elke twee weken ({KaartFlow.Unique()}).";
        (SentMessage start, BotCall _) = await Flow.MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], [oldAgreement], ["Maandelijks overleg."], Today, Today.AddMonths(3), withExternal: false, cancellationToken);

        // Eva (school) is in the channel but not on the kaart; the escalation goes to the bewaker (no procesregisseur).
        string reason = "de school reageert al weken niet " + KaartFlow.Unique();
        await Flow.AskForCardAsync(start, "opschalen " + reason, "Opgeschaald", casus, cancellationToken, MockTeam.School);

        BotCall status = await Flow.AskForTextAsync(MockTeam.Wijkteam, start.ConversationId, "status", "Open escalatie", cancellationToken);
        string[] expected = [MockTeam.School.Name, MockTeam.Zorgaanbieder.Name, reason];
        string[] missing = [.. expected.Where(e => !status.Text!.Contains(e, StringComparison.Ordinal))];
        Assert.True(missing.Length == 0, $"status should show the open escalation (when, by whom, to whom, why); it lacks {string.Join(" | ", missing)}: {status.Text}");

        // Eva changes the agreement on the kaart; then the evaluation is answered with "Afspraken blijven staan".
        BotCall step = await Flow.AskForCardAsync(start, "bijwerken", "Waarom maken jullie de regiekaart nu?", casus, cancellationToken, MockTeam.School);
        await Flow.WalkUpdateAsync(MockTeam.School, step, new() { ["afspraken"] = newAgreement }, cancellationToken);
        BotCall evaluation = await Flow.AskForCardAsync(start, "evaluatie", "Evaluatie van de regiekaart", casus, cancellationToken);
        int answered = Playground.Mark();
        await Playground.ClickAsync(MockTeam.Wijkteam, evaluation, "Afspraken blijven staan", null, cancellationToken);
        await Playground.WaitForBotCallAsync(answered, "the evaluation answered", c => c.IsUpdateOf(evaluation) && c.Succeeded && c.CardText.Contains("Afspraken blijven staan (", StringComparison.Ordinal), cancellationToken);

        BotCall history = await Flow.AskForTextAsync(MockTeam.Wijkteam, start.ConversationId, "geschiedenis", "Geschiedenis van de regiekaart", cancellationToken);
        string text = history.Text!;
        string[] historyExpected =
        [
            $"Versie 2 — ", $"door {MockTeam.School.Name}",
            $"1. Gemaakte afspraken over regievoeren: „{oldAgreement}” → „{newAgreement}”",
            $"Opgeschaald — ", reason, $"aan {MockTeam.Zorgaanbieder.Name}", "Beantwoord met versie 2",
            "evaluatie: afspraken blijven staan", $"door {MockTeam.Wijkteam.Name}",
        ];
        string[] historyMissing = [.. historyExpected.Where(e => !text.Contains(e, StringComparison.Ordinal))];
        Assert.True(historyMissing.Length == 0, $"geschiedenis lacks {string.Join(" | ", historyMissing)}:{Environment.NewLine}{text}");
        Assert.DoesNotContain("een collega in het kanaal", text, StringComparison.Ordinal);
        Assert.True(
            text.IndexOf("Opgeschaald — ", StringComparison.Ordinal) < text.IndexOf("Versie 2 — ", StringComparison.Ordinal),
            $"The escalation happened between version 1 and 2 and belongs there: {text}");
    }

    [Fact]
    public async Task Bijwerken_ProposesTodayAndTodayPlusThePeriod_AndKeepsAnEvaluationAnsweredMeanwhile()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        string casus = "Familie W. " + KaartFlow.Unique();
        DateOnly oldDatum = Today.AddDays(-10);
        DateOnly oldEvaluation = Today.AddMonths(3);
        (SentMessage start, BotCall kaart) = await Flow.MakeKaartAsync(
            casus, [MockTeam.Wijkteam, MockTeam.Zorgaanbieder], ["Mohammed belt."], ["Maandelijks overleg."], oldDatum, oldEvaluation, withExternal: false, cancellationToken);

        BotCall step = await Flow.AskForCardAsync(start, "bijwerken", "Waarom maken jullie de regiekaart nu?", casus, cancellationToken);

        // While the update is open, the evaluation reminder (20 s after saving) is answered: the agreements stand,
        // next evaluation one period on.
        BotCall evaluation = await Playground.WaitForBotCallAsync(
            kaart.Event.Index,
            "the evaluation reminder in the thread about 20 s after saving",
            c => c.IsMessage && c.Succeeded && c.Kind != BotCallKind.UpdateActivity && c.ThreadConversationId == start.ConversationId
                && c.CardText.Contains("Evaluatie van de regiekaart", StringComparison.Ordinal) && c.CardText.Contains(casus, StringComparison.Ordinal),
            cancellationToken,
            TimeSpan.FromSeconds(60));
        int answered = Playground.Mark();
        await Playground.ClickAsync(MockTeam.Wijkteam, evaluation, "Afspraken blijven staan", null, cancellationToken);
        BotCall answer = await Playground.WaitForBotCallAsync(
            answered, "the evaluation answered", c => c.IsUpdateOf(evaluation) && c.Succeeded && c.CardText.Contains("Volgende evaluatie:", StringComparison.Ordinal), cancellationToken);
        DateOnly expectedEvaluation = Today.AddDays(1);   // PT20S: the evaluatiedatum is at least the next day
        Assert.True(
            answer.CardText.Contains(FormatDate(expectedEvaluation), StringComparison.Ordinal),
            Playground.Explain(answered, $"'Afspraken blijven staan' should set the next evaluation to {FormatDate(expectedEvaluation)}: {answer.CardText}"));

        BotCall afronding = await Flow.WalkUpdateAsync(MockTeam.Zorgaanbieder, step, [], cancellationToken, stopAtAfronding: true);
        Dictionary<string, string> proposed = KaartFlow.InputValues(afronding);
        Assert.True(
            proposed.GetValueOrDefault("datum") == Iso(Today) && proposed.GetValueOrDefault("evaluatiedatum") == Iso(expectedEvaluation),
            $"bijwerken should propose today ({Iso(Today)}) and today plus the period ({Iso(expectedEvaluation)}), not the old dates ({Iso(oldDatum)}, {Iso(oldEvaluation)}): {string.Join(", ", proposed.Select(p => $"{p.Key}={p.Value}"))}");

        int saved = Playground.Mark();
        await Flow.StepAsync(MockTeam.Zorgaanbieder, step, afronding, "Opslaan", proposed, "Regiekaart bijgewerkt", cancellationToken);
        BotCall updated = await Playground.WaitForBotCallAsync(
            saved, "the kaart updated in place after bijwerken", c => c.IsUpdateOf(kaart) && c.Succeeded && c.CardText.Contains("versie 3", StringComparison.Ordinal), cancellationToken);
        Assert.True(
            updated.CardText.Contains(FormatDate(expectedEvaluation), StringComparison.Ordinal) && !updated.CardText.Contains(FormatDate(oldEvaluation), StringComparison.Ordinal),
            Playground.Explain(saved, $"Saving the update must keep the evaluation answered meanwhile ({FormatDate(expectedEvaluation)}), not revert to {FormatDate(oldEvaluation)}: {updated.CardText}"));
    }

    private static DateOnly Today => EndToEndEnvironment.BotToday;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    /// <summary>A long Dutch text with characters that JSON escapes to six bytes each.</summary>
    private static string Overlong(int length)
    {
        StringBuilder text = new(length);
        while (text.Length < length)
        {
            text.Append("Zéér lange afspraak ");
        }

        return text.ToString(0, length);
    }
}

using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

/// <summary>Every card the bot can send, rendered with rich sample data. A new file in cards/ needs an entry here.</summary>
internal static class CardSamples
{
    private static readonly CardTemplates Templates = new();

    public static IReadOnlyDictionary<string, Func<CardTemplates, IEnumerable<JsonObject>>> ByTemplate { get; } = new Dictionary<string, Func<CardTemplates, IEnumerable<JsonObject>>>
    {
        ["welkom"] = t => [new WelcomeCard(t).Build(personal: false), new WelcomeCard(t).Build(personal: true)],
        ["help"] = t => [new HelpCard(t).Build(CommandScopes.Team), new HelpCard(t).Build(CommandScopes.GroupChat), new HelpCard(t).Build(CommandScopes.Personal)],
        ["dialoog"] = t =>
        [
            .. Enum.GetValues<DialogStep>().Select(step => new DialogCard(t).Build(SampleKaarten.Dialog(step), [], null, SampleKaarten.Members)),
            new DialogCard(t).Build(SampleKaarten.Dialog(DialogStep.Moment) with { Draft = new KaartContent() }, [], null, []),
            new DialogCard(t).Build(
                SampleKaarten.Dialog(DialogStep.Professionals) with { Draft = new KaartContent() },
                ["Naam is verplicht.", "Telefoonnummer/email is verplicht."],
                new Dictionary<string, string> { ["lid"] = "extern", ["functie"] = "Gezinsvoogd <b>", ["regievorm"] = "Casusregie" },
                SampleKaarten.Members),
            new DialogCard(t).Build(
                SampleKaarten.Dialog(DialogStep.Professionals), [], null,
                [.. SampleKaarten.Members, .. Enumerable.Range(1, 2000).Select(i => new TeamMember($"aad-{i}", $"29:{i}", $"Collega {i}"))]),   // searched: Data.Query
            new DialogCard(t).Build(SampleKaarten.Dialog(DialogStep.Afronding, DialogStatus.Saved), [], null, []),
            new DialogCard(t).Build(SampleKaarten.Dialog(DialogStep.Bewaker, DialogStatus.Cancelled, isUpdate: true), [], null, []),
        ],
        ["regiekaart"] = t =>
        [
            new KaartCard(t).Build(SampleKaarten.Kaart()),
            new KaartCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Largest)),
            new KaartCard(t).Build(SampleKaarten.Kaart(status: RegieBot.Domain.Kaarten.KaartStatus.Afgesloten)),
            new KaartCard(t).Build(SampleKaarten.Snapshot(), viewerAadObjectId: null),
            new KaartCard(t).Build(SampleKaarten.Snapshot(), viewerAadObjectId: "aad-1"),
            new KaartCard(t).Build(SampleKaarten.Snapshot(), viewerAadObjectId: "aad-2"),
            new KaartCard(t).Build(SampleKaarten.Snapshot() with { Kaart = SampleKaarten.Kaart(SampleKaarten.Largest) }, viewerAadObjectId: "aad-1"),
            new KaartCard(t).Build(SampleKaarten.Closed()),
            new KaartCard(t).Build(SampleKaarten.Closed(AfschaalCriterium.GezinVoertZelfRegie, SampleKaarten.Largest)),
        ],
        ["afsluiten"] = t =>
        [
            new CloseCard(t).Ask(SampleKaarten.Kaart(), [], null),
            new CloseCard(t).Ask(
                SampleKaarten.Kaart(),
                ["Schrijf op aan wie de regie is overgedragen.", "Aan wie: " + RegieBot.Domain.Validation.TextInput.BsnRefusal],
                new Dictionary<string, string> { ["criterium"] = "3", ["overgedragenAan"] = "<b>Petra</b> **123456782**" }),
            new CloseCard(t).Closed(SampleKaarten.Closed(), "Sanne de Vries"),
            new CloseCard(t).Closed(SampleKaarten.Closed(AfschaalCriterium.HulpAdequaatGeorganiseerd), "een collega"),
            new CloseCard(t).Cancelled(SampleKaarten.Kaart()),
        ],
        ["verwijderen"] = t =>
        [
            new DeleteCard(t).Ask("k-sample", "Familie T. <b>x</b>", SampleKaarten.Now),
            new DeleteCard(t).Cancelled("k-sample", "Familie T."),
            new DeleteCard(t).Expired("k-sample", "Familie T."),
        ],
        ["verwijderd"] = t =>
        [
            new RemovedCard(t).Build(RemovedCard.DeletedText(SampleKaarten.Now)),
            new RemovedCard(t).Build(RemovedCard.ExpiredText(SampleKaarten.Now)),
        ],
        ["clientversie"] = t =>
        [
            new ClientCard(t).Build(SampleKaarten.Kaart()),
            new ClientCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Largest)),
            new ClientCard(t).Build(SampleKaarten.Closed()),
            new ClientCard(t).Build(SampleKaarten.Closed(AfschaalCriterium.GezinVoertZelfRegie)),
            new ClientCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Content with { AanspreekpuntId = "p3", Regievoeren = [], Evaluatiedatum = null })),
            new ClientCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Content with { AanspreekpuntId = null })),
        ],
        ["export"] = t =>
        [
            .. new ExportCards(t).Build(SampleKaarten.Records(), SampleKaarten.Now),
            .. new ExportCards(t).Build(SampleKaarten.Records(SampleKaarten.Largest), SampleKaarten.Now),
            .. new ExportCards(t).Build(new CasusRecords { KaartId = "k-new", Casus = "Familie N.", Dialog = SampleKaarten.Dialog(DialogStep.Professionals) }, SampleKaarten.Now),
        ],
        ["evaluatie"] = t =>
        [
            new EvaluationCard(t).Build(SampleKaarten.Kaart()),
            new EvaluationCard(t).Build(SampleKaarten.Kaart(), handled: "Afspraken blijven staan (Sanne de Vries, 23 februari 2027). Volgende evaluatie: 23 mei 2027."),
        ],
        ["overleg"] = t =>
        [
            new MeetingCard(t).Started(SampleKaarten.Snapshot(), []),
            new MeetingCard(t).Started(SampleKaarten.Snapshot() with { Kaart = SampleKaarten.Kaart(SampleKaarten.Largest) }, [new Escalation("aad-1", "De school reageert al weken niet. **vet** <at>x</at>", SampleKaarten.Now)]),
            new MeetingCard(t).Ended(SampleKaarten.Kaart()),
        ],
        ["opschalen"] = t =>
        [
            new EscalationCard(t).Build(SampleKaarten.Kaart(), "Ahmed El Amrani", "De school reageert al weken niet. **vet** <at>x</at>"),
            new EscalationCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Content with { Professionals = [.. SampleKaarten.Content.Professionals.Select(p => p with { Regievorm = Regievorm.Geen })] }), "RegieBot", "De evaluatie is na een week niet beantwoord."),
        ],
        ["betrokkenheid"] = t =>
        [
            new MembershipNoticeCard(t).Build("k-sample", "Familie T.", ["Sanne de Vries staat op deze kaart en is uit het team verwijderd.", "2 collega's zijn aan het team toegevoegd."]),
        ],
        ["bevestiging"] = t =>
        [
            new ConfirmationRequestCard(t).Build(SampleKaarten.Kaart(), [.. SampleKaarten.Content.Professionals.Where(p => p.IsLinked)]),
            new ConfirmationRequestCard(t).Build(SampleKaarten.Kaart(), [SampleKaarten.Content.Professionals.First(p => p.IsLinked)]),
        ],
        ["wijziging"] = t =>
        [
            new ProposalCard(t).Build(SampleKaarten.Kaart(), "Ahmed El Amrani", "Petra neemt de casusregie over. <at>x</at> **vet**"),
            new ProposalCard(t).Build(SampleKaarten.Kaart(SampleKaarten.Content with { BewakerId = "p3" }), "Een collega", "Kort voorstel"),
        ],
    };

    public static IEnumerable<(string Name, JsonObject Card)> All() => All(Templates);

    /// <summary>The samples built with <paramref name="templates"/>, e.g. ones that record every expansion.</summary>
    public static IEnumerable<(string Name, JsonObject Card)> All(CardTemplates templates) =>
        ByTemplate.SelectMany(entry => entry.Value(templates).Select((card, i) => ($"{entry.Key}-{i}", card)));
}

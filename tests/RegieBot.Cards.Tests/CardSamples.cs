using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Cards.Tests;

/// <summary>Every card the bot can send, rendered with rich sample data. A new file in cards/ needs an entry here.</summary>
internal static class CardSamples
{
    private static readonly CardTemplates Templates = new();

    public static IReadOnlyDictionary<string, Func<IEnumerable<JsonObject>>> ByTemplate { get; } = new Dictionary<string, Func<IEnumerable<JsonObject>>>
    {
        ["welkom"] = () => [new WelcomeCard(Templates).Build(personal: false), new WelcomeCard(Templates).Build(personal: true)],
        ["help"] = () => [new HelpCard(Templates).Build(CommandScopes.Shared), new HelpCard(Templates).Build(CommandScopes.Personal)],
        ["dialoog"] = () =>
        [
            .. Enum.GetValues<DialogStep>().Select(step => new DialogCard(Templates).Build(SampleKaarten.Dialog(step), [], null, SampleKaarten.Members)),
            new DialogCard(Templates).Build(SampleKaarten.Dialog(DialogStep.Moment) with { Draft = new KaartContent() }, [], null, []),
            new DialogCard(Templates).Build(
                SampleKaarten.Dialog(DialogStep.Professionals) with { Draft = new KaartContent() },
                ["Naam is verplicht.", "Telefoonnummer/email is verplicht."],
                new Dictionary<string, string> { ["lid"] = "extern", ["functie"] = "Gezinsvoogd <b>", ["regievorm"] = "Casusregie" },
                SampleKaarten.Members),
            new DialogCard(Templates).Build(
                SampleKaarten.Dialog(DialogStep.Professionals), [], null,
                [.. SampleKaarten.Members, .. Enumerable.Range(1, 2000).Select(i => new TeamMember($"aad-{i}", $"29:{i}", $"Collega {i}"))]),   // searched: Data.Query
            new DialogCard(Templates).Build(SampleKaarten.Dialog(DialogStep.Afronding, DialogStatus.Saved), [], null, []),
            new DialogCard(Templates).Build(SampleKaarten.Dialog(DialogStep.Bewaker, DialogStatus.Cancelled, isUpdate: true), [], null, []),
        ],
        ["regiekaart"] = () =>
        [
            new KaartCard(Templates).Build(SampleKaarten.Kaart()),
            new KaartCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Largest)),
            new KaartCard(Templates).Build(SampleKaarten.Kaart(status: RegieBot.Domain.Kaarten.KaartStatus.Afgesloten)),
            new KaartCard(Templates).Build(SampleKaarten.Snapshot(), viewerAadObjectId: null),
            new KaartCard(Templates).Build(SampleKaarten.Snapshot(), viewerAadObjectId: "aad-1"),
            new KaartCard(Templates).Build(SampleKaarten.Snapshot(), viewerAadObjectId: "aad-2"),
            new KaartCard(Templates).Build(SampleKaarten.Snapshot() with { Kaart = SampleKaarten.Kaart(SampleKaarten.Largest) }, viewerAadObjectId: "aad-1"),
            new KaartCard(Templates).Build(SampleKaarten.Closed()),
            new KaartCard(Templates).Build(SampleKaarten.Closed(AfschaalCriterium.GezinVoertZelfRegie, SampleKaarten.Largest)),
        ],
        ["afsluiten"] = () =>
        [
            new CloseCard(Templates).Ask(SampleKaarten.Kaart(), [], null),
            new CloseCard(Templates).Ask(
                SampleKaarten.Kaart(),
                ["Schrijf op aan wie de regie is overgedragen.", "Aan wie: " + RegieBot.Domain.Validation.TextInput.BsnRefusal],
                new Dictionary<string, string> { ["criterium"] = "3", ["overgedragenAan"] = "<b>Petra</b> **123456782**" }),
            new CloseCard(Templates).Closed(SampleKaarten.Closed(), "Sanne de Vries"),
            new CloseCard(Templates).Closed(SampleKaarten.Closed(AfschaalCriterium.HulpAdequaatGeorganiseerd), "een collega"),
            new CloseCard(Templates).Cancelled(SampleKaarten.Kaart()),
        ],
        ["verwijderen"] = () =>
        [
            new DeleteCard(Templates).Ask("k-sample", "Familie T. <b>x</b>", SampleKaarten.Now),
            new DeleteCard(Templates).Cancelled("k-sample", "Familie T."),
            new DeleteCard(Templates).Expired("k-sample", "Familie T."),
        ],
        ["verwijderd"] = () =>
        [
            new RemovedCard(Templates).Build(RemovedCard.DeletedText(SampleKaarten.Now)),
            new RemovedCard(Templates).Build(RemovedCard.ExpiredText(SampleKaarten.Now)),
        ],
        ["clientversie"] = () =>
        [
            new ClientCard(Templates).Build(SampleKaarten.Kaart()),
            new ClientCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Largest)),
            new ClientCard(Templates).Build(SampleKaarten.Closed()),
            new ClientCard(Templates).Build(SampleKaarten.Closed(AfschaalCriterium.GezinVoertZelfRegie)),
            new ClientCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Content with { AanspreekpuntId = "p3", Regievoeren = [], Evaluatiedatum = null })),
            new ClientCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Content with { AanspreekpuntId = null })),
        ],
        ["export"] = () =>
        [
            .. new ExportCards(Templates).Build(SampleKaarten.Records(), SampleKaarten.Now),
            .. new ExportCards(Templates).Build(SampleKaarten.Records(SampleKaarten.Largest), SampleKaarten.Now),
            .. new ExportCards(Templates).Build(new CasusRecords { KaartId = "k-new", Casus = "Familie N.", Dialog = SampleKaarten.Dialog(DialogStep.Professionals) }, SampleKaarten.Now),
        ],
        ["evaluatie"] = () =>
        [
            new EvaluationCard(Templates).Build(SampleKaarten.Kaart()),
            new EvaluationCard(Templates).Build(SampleKaarten.Kaart(), handled: "Afspraken blijven staan (Sanne de Vries, 23 februari 2027). Volgende evaluatie: 23 mei 2027."),
        ],
        ["opschalen"] = () =>
        [
            new EscalationCard(Templates).Build(SampleKaarten.Kaart(), "Ahmed El Amrani", "De school reageert al weken niet. **vet** <at>x</at>"),
            new EscalationCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Content with { Professionals = [.. SampleKaarten.Content.Professionals.Select(p => p with { Regievorm = Regievorm.Geen })] }), "RegieBot", "De evaluatie is na een week niet beantwoord."),
        ],
        ["betrokkenheid"] = () =>
        [
            new MembershipNoticeCard(Templates).Build("k-sample", "Familie T.", ["Sanne de Vries staat op deze kaart en is uit het team verwijderd.", "2 collega's zijn aan het team toegevoegd."]),
        ],
        ["wijziging"] = () =>
        [
            new ProposalCard(Templates).Build(SampleKaarten.Kaart(), "Ahmed El Amrani", "Petra neemt de casusregie over. <at>x</at> **vet**"),
            new ProposalCard(Templates).Build(SampleKaarten.Kaart(SampleKaarten.Content with { BewakerId = "p3" }), "Een collega", "Kort voorstel"),
        ],
    };

    public static IEnumerable<(string Name, JsonObject Card)> All() =>
        ByTemplate.SelectMany(entry => entry.Value().Select((card, i) => ($"{entry.Key}-{i}", card)));
}

using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Evaluation;

/// <summary>Dutch sentences of evaluating and escalating that are not on a card.</summary>
internal static class EvaluationTexts
{
    public const string Escalated = "Opgeschaald: de melding staat in de draad van de casus.";

    /// <summary>On the answered evaluation card: "Herinner over een week".</summary>
    public static string Postponed(string who, DateTimeOffset later) =>
        $"Herinnering verzet door {who}: de evaluatie komt terug op {DutchDates.Moment(later)}.";

    /// <summary>On the answered evaluation card: "Afspraken blijven staan", with the next evaluation.</summary>
    public static string AgreementsStand(string who, DateTimeOffset at, DateOnly? next) =>
        $"Afspraken blijven staan ({who}, {DutchDates.Moment(at)}). Volgende evaluatie: {DutchDates.Date(next)}.";

    public const string EscalateWithoutReason =
        "Waarom loopt het vast? Typ: @RegieBot opschalen gevolgd door de reden, bijvoorbeeld: opschalen de school reageert al weken niet.";

    /// <summary>The reason of an opschalen, as its validation message names it.</summary>
    public const string ReasonLabel = "De reden";

    /// <summary>Why RegieBot itself escalates: the evaluation on <paramref name="evaluatiedatum"/> was not answered.</summary>
    public static string Unanswered(DateOnly? evaluatiedatum) =>
        $"De evaluatie van {DutchDates.Date(evaluatiedatum)} is na een week nog niet beantwoord.";
}

using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Evaluation;

/// <summary>Dutch sentences of evaluating and escalating that are not on a card.</summary>
internal static class EvaluationTexts
{
    public const string Escalated = "Opgeschaald: de melding staat in de draad van de casus.";
}

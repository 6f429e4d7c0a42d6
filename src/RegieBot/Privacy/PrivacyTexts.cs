using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Privacy;

/// <summary>Dutch sentences of export and erasure that are not on a card.</summary>
internal static class PrivacyTexts
{
    public const string DeleteAsked = "De vraag om deze regiekaart te verwijderen staat in de draad van de casus.";

    public const string ExportNothing = "Er is over deze casus niets opgeslagen.";

    public static string ExportPosted(int cards) =>
        cards == 1 ? "Hierboven staat alles wat RegieBot over deze casus bewaart, in 1 kaart." : $"Hierboven staat alles wat RegieBot over deze casus bewaart, in {cards} kaarten.";
}

using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Meetings;

/// <summary>Dutch sentences of the channel meeting of a casus.</summary>
internal static class MeetingTexts
{
    /// <summary>A channel meeting started in a thread without a kaart.</summary>
    public const string MeetingWithoutKaart =
        "Dit overleg heeft nog geen regiekaart. Start er samen een: typ hier @RegieBot start gevolgd door een korte aanduiding van de casus (nooit een BSN), bijvoorbeeld: @RegieBot start Familie T.";
}

using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain;

/// <summary>
/// The one way a person is named to people: their name on the kaart, else their Teams name, else one neutral word.
/// Cards, the tab and the export all use it, so an unknown person never reads two ways.
/// </summary>
public static class PersonNames
{
    /// <summary>Who we cannot name: neutral, so it neither guesses nor says the person left.</summary>
    public const string Unknown = "een collega";

    /// <summary><see cref="Unknown"/> where the name opens a line, as on a proposal.</summary>
    public const string UnknownOpening = "Een collega";

    /// <summary>
    /// The name of the linked professional with this Entra id on the kaart, else <paramref name="teamsName"/>, else
    /// <see cref="Unknown"/>. Entra ids are GUIDs, so they are compared without case.
    /// </summary>
    public static string Of(KaartContent content, string? aadObjectId, string? teamsName = null) =>
        content.Professionals.FirstOrDefault(p => p.IsLinked && string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))?.Naam
        ?? (string.IsNullOrWhiteSpace(teamsName) ? Unknown : teamsName);
}

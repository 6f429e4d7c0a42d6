namespace RegieBot.Domain.Kaarten;

/// <summary>
/// A professional on the kaart. Linked professionals are members of the Teams channel, keyed by their Entra
/// object id; external ones are not in Teams.
/// </summary>
public sealed record Professional
{
    /// <summary>Stable within the kaart (p1, p2, ...), so edits and confirmations can refer to it.</summary>
    public required string Id { get; init; }
    public required string Naam { get; init; }
    public string Functie { get; init; } = string.Empty;
    public string Organisatie { get; init; } = string.Empty;
    public string Contact { get; init; } = string.Empty;
    public Regievorm Regievorm { get; init; }

    /// <summary>Entra object id of the linked Teams member; null for an external professional.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>The member's Teams id (29:...), for @mentions; null for an external professional.</summary>
    public string? TeamsUserId { get; init; }

    public bool IsLinked => AadObjectId is not null;
}

namespace RegieBot.Domain.Kaarten;

/// <summary>A regiekaart: one casus in one channel thread, with its current content and version.</summary>
public sealed record Kaart
{
    public required string Id { get; init; }

    /// <summary>The short alias of the casus (e.g. "Familie T."), never a BSN.</summary>
    public required string Casus { get; init; }
    public required KaartLocation Location { get; init; }
    public required KaartContent Content { get; init; }
    public int Version { get; init; } = 1;
    public KaartStatus Status { get; init; }

    /// <summary>The posted regiekaart card, updated in place; null until posted (or after Teams lost it).</summary>
    public string? CardActivityId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Entra object id of who saved this version.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>The storage version (ETag) it was read with.</summary>
    public string? ETag { get; init; }
}

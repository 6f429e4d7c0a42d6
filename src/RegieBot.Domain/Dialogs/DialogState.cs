using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Dialogs;

/// <summary>
/// The regie conversation of one casus thread: where it stands and what was entered so far. Every answer
/// raises <see cref="Revision"/>; an answer given on an older revision is stale (someone else answered first).
/// </summary>
public sealed record DialogState
{
    public required string KaartId { get; init; }
    public required string Casus { get; init; }
    public required KaartLocation Location { get; init; }
    public DialogStep Step { get; init; }
    public KaartContent Draft { get; init; } = new();
    public int Revision { get; init; }
    public DialogStatus Status { get; init; }

    /// <summary>True for <c>bijwerken</c>: the dialog edits an existing kaart (prefilled) instead of creating one.</summary>
    public bool IsUpdate { get; init; }

    /// <summary>For <c>bijwerken</c>: the version of the kaart the draft was prefilled from (0 for a new kaart).</summary>
    public int BaseVersion { get; init; }

    /// <summary>The message holding the step card, updated in place as the dialog moves on.</summary>
    public string? CardActivityId { get; init; }

    /// <summary>Entra object id (or Teams id when absent) of who answered last.</summary>
    public string? LastEditedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The storage version (ETag) it was read with.</summary>
    public string? ETag { get; init; }
}

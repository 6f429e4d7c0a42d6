namespace RegieBot.Domain.Dialogs;

/// <summary>
/// One click on a step card: which action, on which step and revision the clicker saw, and the card's inputs.
/// </summary>
public sealed record DialogAnswer
{
    public required DialogAction Action { get; init; }
    public required DialogStep Step { get; init; }
    public required int Revision { get; init; }
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>For <see cref="DialogAction.RemoveProfessional"/>.</summary>
    public string? ProfessionalId { get; init; }

    /// <summary>The channel member chosen in the professional form, resolved by the bot (never taken from the card).</summary>
    public TeamMember? Member { get; init; }

    /// <summary>Entra object id (or Teams id) of who clicked.</summary>
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
}

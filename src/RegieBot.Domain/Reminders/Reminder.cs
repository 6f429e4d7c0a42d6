namespace RegieBot.Domain.Reminders;

/// <summary>
/// A message the bot will post by itself into a kaart's thread when it is due, with what it needs to post
/// proactively (the conversation reference of the thread). At most one per kaart and kind.
/// </summary>
public sealed record Reminder
{
    public required string KaartId { get; init; }
    public required ReminderKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ThreadId { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? TeamId { get; init; }

    /// <summary>
    /// The moment it was scheduled for, kept when a failed delivery moves <see cref="DueAt"/>: with the kind, what names
    /// this reminder's post, so a repeat after a crash finds it was already posted.
    /// </summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>The id its post is recorded under in the kaart's messages.</summary>
    public string PostId => $"r-{Kind.StoredName()}-{(ScheduledFor ?? DueAt).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Failed deliveries so far (429/5xx); each retry is later.</summary>
    public int Attempts { get; init; }

    /// <summary>Until when an instance holds it to send it; a crash lets the lease run out and another instance retries.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>
    /// When this due row was first claimed for sending; a later claim (after a crash, when the lease ran out) keeps it, so
    /// what follows from the send (the escalation a week on) is the same however often the send is repeated.
    /// </summary>
    public DateTimeOffset? FirstClaimedAt { get; init; }

    /// <summary>The storage version (ETag) it was read with.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// Of a claimed reminder: the version of the kaart's pointer for this kind when it was claimed (and that pointer's
    /// key), so the claim's outcome is written only if no move, cancel or erasure changed the pointer meanwhile.
    /// </summary>
    public string? PointerETag { get; init; }

    /// <inheritdoc cref="PointerETag"/>
    public string? PointerRowKey { get; init; }
}

namespace RegieBot.Domain.Privacy;

/// <summary>
/// The closed cases by the moment their data is to be deleted. Finding what is due reads only due entries:
/// its cost does not grow with the number of kaarten, open or closed, that are not due yet.
/// </summary>
public interface IRetentionIndex
{
    /// <summary>Adds (or repeats) the entry; idempotent.</summary>
    Task ScheduleAsync(RetentionEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries with <see cref="RetentionEntry.DueAt"/> at or before <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RetentionEntry>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes the entry while it is still this one (same moment); nothing happens when it is gone or was replaced.</summary>
    Task RemoveAsync(RetentionEntry entry, CancellationToken cancellationToken);
}

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// The close record of a casus (<c>afsluiten</c>): which afschaal-criterion applied, who closed it and when,
/// and when its data will be deleted. Closing changes the status of the kaart, not its content: it is not a
/// new version.
/// </summary>
/// <param name="OvergedragenAan">To whom regie was handed over; only with <see cref="AfschaalCriterium.RegieOvergedragen"/>.</param>
/// <param name="ClosedBy">Entra object id (or Teams id) of who closed it.</param>
/// <param name="RetentionDueAt">From this moment on the retention job deletes everything of the casus.</param>
public sealed record KaartClosure(
    AfschaalCriterium Criterium,
    string? OvergedragenAan,
    DateTimeOffset ClosedAt,
    string ClosedBy,
    DateTimeOffset RetentionDueAt);

namespace RegieBot.Domain.Reminders;

/// <summary>
/// The reminder schedule of the kaarten (evaluation reminders). Closing a casus stops its reminders through
/// <see cref="CancelAsync"/>; the schedule's table must also be erased when a casus is deleted
/// (an <see cref="Privacy.ICasusDataEraser"/> for it).
/// </summary>
public interface IReminderStore
{
    /// <summary>Stops every reminder of the kaart that has not been sent; idempotent.</summary>
    Task CancelAsync(string kaartId, CancellationToken cancellationToken);
}

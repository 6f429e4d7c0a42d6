namespace RegieBot.Domain.Reminders;

public enum ReminderKind
{
    /// <summary>The evaluation card on the evaluatiedatum.</summary>
    Evaluatie = 0,

    /// <summary>An evaluation nobody answered within a week is escalated, once.</summary>
    Escalatie = 1,
}

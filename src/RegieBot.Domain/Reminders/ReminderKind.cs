namespace RegieBot.Domain.Reminders;

public enum ReminderKind
{
    /// <summary>The evaluation card on the evaluatiedatum.</summary>
    Evaluatie = 0,

    /// <summary>An evaluation nobody answered within a week is escalated, once.</summary>
    Escalation = 1,
}

/// <summary>
/// The name a <see cref="ReminderKind"/> is stored and keyed by (its column, the RowKeys of its rows, the id its post is
/// recorded under). Written explicitly rather than by the member's name: rows written before the member was renamed
/// (<c>Escalatie</c>) must still be found and read, so a rename in code never renames what is stored.
/// </summary>
public static class ReminderKinds
{
    public static string StoredName(this ReminderKind kind) => kind switch
    {
        ReminderKind.Evaluatie => "Evaluatie",
        ReminderKind.Escalation => "Escalatie",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reminder kind."),
    };

    /// <summary>The kind stored as <paramref name="name"/>; a missing name is an evaluation (rows from before the column).</summary>
    public static ReminderKind FromStoredName(string? name) => name switch
    {
        null or "Evaluatie" => ReminderKind.Evaluatie,
        "Escalatie" => ReminderKind.Escalation,
        _ => throw new FormatException($"'{name}' is not a stored reminder kind."),
    };
}

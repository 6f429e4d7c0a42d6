namespace RegieBot.Domain.Kaarten;

/// <summary>An escalation (<c>opschalen</c>) as recorded: who (their Teams/Entra id), why, and when.</summary>
public sealed record Escalation(string By, string Reason, DateTimeOffset At)
{
    /// <summary>Who escalated when the bot did (an evaluation nobody answered within a week).</summary>
    public const string BotActor = "regiebot";

    /// <summary>The escalations not yet answered by a new version, oldest first; none on a closed kaart.</summary>
    /// <summary>Whom an escalation goes to: the procesregisseur, else the bewaker.</summary>
    public static Professional? RecipientOn(KaartContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Professionals.FirstOrDefault(p => p.Regievorm == Regievorm.Procesregie) ?? content.Bewaker;
    }

    public static IReadOnlyList<Escalation> OpenOn(Kaart kaart, IReadOnlyList<Escalation> escalations)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        ArgumentNullException.ThrowIfNull(escalations);
        return kaart.Status == KaartStatus.Afgesloten ? [] : [.. escalations.Where(e => e.At > kaart.UpdatedAt).OrderBy(e => e.At)];
    }
}

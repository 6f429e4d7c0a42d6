using System.Text.Json.Serialization;
using RegieBot.Domain.Confirmations;

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// What the channel tab shows of one kaart, kept on the kaart's row of the thread index (partition: the channel) by the
/// outbox, so the tab reads a whole channel with one query. Only what the tab shows: names of the linked professionals
/// and of the bewaker, aanspreekpunt and escalation recipient, no agreements, contacts or reasons. The time-dependent
/// signals (te laat, a week unanswered, who left the channel) are computed when the tab is read.
/// </summary>
public sealed record ChannelSummary
{
    /// <summary>The stored format; a row in another format is read the slow way (the kaart itself).</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string KaartId { get; init; }

    public required string Casus { get; init; }

    public required string ThreadId { get; init; }

    public required string ServiceUrl { get; init; }

    public string? TenantId { get; init; }

    public int Version { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool Closed { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public AfschaalCriterium? Criterium { get; init; }

    public DateOnly? Evaluatiedatum { get; init; }

    /// <summary>The linked professionals (external ones do not confirm in Teams), in the kaart's order.</summary>
    public IReadOnlyList<SummaryPerson> Linked { get; init; } = [];

    public SummaryPerson? Bewaker { get; init; }

    public SummaryPerson? Aanspreekpunt { get; init; }

    /// <summary>Whom an escalation goes to: the procesregisseur, else the bewaker.</summary>
    public string? EscalatedTo { get; init; }

    /// <summary>When each open escalation was made (escalations after the current version of an open kaart).</summary>
    public IReadOnlyList<DateTimeOffset> OpenEscalations { get; init; } = [];

    /// <summary>
    /// When the evaluation card went out and nobody moved the evaluation since (it is answered when a newer version was
    /// saved). Stored in a column of its own, which the reminder's sender writes without reading the kaart.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? EvaluationSentAt { get; init; }

    /// <summary>The summary of what <paramref name="snapshot"/> holds; <paramref name="evaluationSentAt"/> from the reminder.</summary>
    public static ChannelSummary Of(KaartSnapshot snapshot, DateTimeOffset? evaluationSentAt = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Kaart kaart = snapshot.Kaart;
        KaartConfirmations state = snapshot.State;
        KaartContent content = kaart.Content;
        bool closed = kaart.Status == KaartStatus.Afgesloten;
        SummaryPerson? Person(Professional? p) =>
            p is null ? null : new SummaryPerson(p.Naam, p.AadObjectId, Confirmed: !p.IsLinked || state.Of(p) is not null, Mentionable: p.TeamsUserId is not null);
        return new ChannelSummary
        {
            KaartId = kaart.Id,
            Casus = kaart.Casus,
            ThreadId = kaart.Location.ThreadId,
            ServiceUrl = kaart.Location.ServiceUrl,
            TenantId = kaart.Location.TenantId,
            Version = kaart.Version,
            UpdatedAt = kaart.UpdatedAt,
            Closed = closed,
            ClosedAt = closed ? kaart.Closure?.ClosedAt : null,
            Criterium = closed ? kaart.Closure?.Criterium : null,
            Evaluatiedatum = content.Evaluatiedatum,
            Linked = [.. content.Professionals.Where(p => p.IsLinked).Select(p => Person(p)!)],
            Bewaker = Person(content.Bewaker),
            Aanspreekpunt = Person(content.Aanspreekpunt),
            EscalatedTo = Escalation.RecipientOn(content)?.Naam,
            OpenEscalations = [.. Escalation.OpenOn(kaart, snapshot.Escalations).Select(e => e.At)],
            EvaluationSentAt = evaluationSentAt,
        };
    }
}

/// <summary>A professional as the channel tab shows them: the name, and whether they confirmed their role.</summary>
/// <param name="AadObjectId">Their Entra object id when linked (to tell who left the channel's roster).</param>
/// <param name="Confirmed">Confirmed their role on the current version (an external professional counts as confirmed).</param>
/// <param name="Mentionable">Can be @mentioned in Teams (so "Vraag om bevestiging" can ask them).</param>
public sealed record SummaryPerson(string Naam, string? AadObjectId, bool Confirmed, bool Mentionable);

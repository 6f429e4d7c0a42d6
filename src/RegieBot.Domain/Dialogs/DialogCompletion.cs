using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Dialogs;

/// <summary>
/// A completed dialog becomes the kaart's next version. Pure: the caller reads the kaart as stored and commits what
/// this returns in one transaction with the dialog, so the kaart is saved entirely or not at all.
/// </summary>
public static class DialogCompletion
{
    /// <param name="completed">The dialog, answered up to and including its last step.</param>
    /// <param name="existing">The kaart as stored now; null for a new kaart (the dialog is no update).</param>
    /// <param name="serviceUrl">
    /// The Bot Framework service url of the turn that saves, which may have moved since the dialog started; null keeps
    /// the dialog's own.
    /// </param>
    /// <param name="actor">Who saved it (Entra object id or Teams id).</param>
    /// <param name="now">When it was saved.</param>
    public static Kaart ToKaart(DialogState completed, Kaart? existing, string? serviceUrl, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return new Kaart
        {
            Id = completed.KaartId,
            Casus = completed.Casus,
            Location = completed.Location with { ServiceUrl = serviceUrl ?? completed.Location.ServiceUrl },
            Content = Merged(completed, existing),
            Version = (existing?.Version ?? 0) + 1,
            Status = KaartStatus.Actief,
            CardActivityId = existing?.CardActivityId,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = actor,
            ETag = existing?.ETag,
        };
    }

    /// <summary>
    /// The draft, with what was decided on the kaart while it was being updated: an evaluation answered meanwhile
    /// ("Afspraken blijven staan" set a later evaluatiedatum) is not moved back by saving the draft.
    /// </summary>
    public static KaartContent Merged(DialogState completed, Kaart? existing)
    {
        ArgumentNullException.ThrowIfNull(completed);
        KaartContent draft = completed.Draft;
        if (existing is null || completed.BaseVersion == 0 || existing.Version == completed.BaseVersion
            || existing.Content.Evaluatiedatum is not DateOnly meanwhile || draft.Evaluatiedatum >= meanwhile)
        {
            return draft;
        }

        return draft with { Evaluatiedatum = meanwhile };
    }
}

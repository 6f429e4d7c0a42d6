namespace RegieBot.Domain.Privacy;

/// <summary>
/// The order in which erasers run, so that an erasure that fails halfway can be repeated: the kaart's own
/// records hold the <see cref="CasusFootprint"/> and go after everything found through them; the retention
/// entry, which makes the retention job try again, goes last.
/// </summary>
public enum EraseStage
{
    /// <summary>Indexes, references, reminders: everything found through the footprint.</summary>
    BeforeKaart = 0,

    /// <summary>The kaart, its versions, dialog, confirmations, proposals and close record.</summary>
    Kaart = 1,

    /// <summary>The retention entry: the handle for a retry.</summary>
    AfterKaart = 2,
}

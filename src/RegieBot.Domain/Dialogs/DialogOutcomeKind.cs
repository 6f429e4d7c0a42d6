namespace RegieBot.Domain.Dialogs;

public enum DialogOutcomeKind
{
    /// <summary>The dialog moved to another step.</summary>
    Moved = 0,

    /// <summary>The step changed (a professional added or removed) but stays.</summary>
    Updated = 1,

    /// <summary>The input was refused; <see cref="DialogOutcome.Errors"/> says why. Nothing changed.</summary>
    Invalid = 2,

    /// <summary>Someone else answered first; the clicker saw an older revision. Nothing changed.</summary>
    Stale = 3,

    /// <summary>The last step was answered: the kaart can be saved.</summary>
    Completed = 4,

    Cancelled = 5,

    /// <summary>The dialog was already saved or cancelled.</summary>
    Closed = 6,
}

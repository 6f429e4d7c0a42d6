namespace RegieBot.Domain.Dialogs;

/// <summary>The steps of the regie conversation, in order: one card per step.</summary>
public enum DialogStep
{
    Moment = 0,
    Professionals = 1,
    Regievoeren = 2,
    Afstemming = 3,
    Aanspreekpunt = 4,
    Bewaker = 5,
    Afronding = 6,
}

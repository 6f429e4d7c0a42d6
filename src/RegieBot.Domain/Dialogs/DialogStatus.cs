namespace RegieBot.Domain.Dialogs;

public enum DialogStatus
{
    Open = 0,
    Saved = 1,
    Cancelled = 2,
}

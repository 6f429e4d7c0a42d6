namespace RegieBot.Domain.Dialogs;

public sealed record DialogOutcome(DialogOutcomeKind Kind, DialogState State, IReadOnlyList<string> Errors)
{
    public bool Changed => Kind is DialogOutcomeKind.Moved or DialogOutcomeKind.Updated or DialogOutcomeKind.Completed or DialogOutcomeKind.Cancelled;
}

using RegieBot.Bot;
using RegieBot.Domain.Dialogs;

namespace RegieBot.Common;

/// <summary>
/// Posts the step card of an open dialog again (for <c>kaart</c> asked while a kaart is still being filled in). The
/// dialog feature implements it; the seam lets the kaart feature ask without depending on that feature.
/// </summary>
internal interface IStepCards
{
    Task PostStepCardAsync(TurnContext turn, DialogState dialog, CancellationToken cancellationToken);
}

using RegieBot.Dialog;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary><c>adaptiveCard/action</c> invokes: must always be answered, with a card, a message or a card error.</summary>
internal sealed class CardActionHandler(
    RegieConversation conversation, KaartActions kaartActions, KaartClosing closing, Privacy.CasusDeletion deletion, Reminders.EvaluationActions evaluations)
{
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>
    /// Clicks that are safe to receive twice without the turn ledger, which saves a storage write on the most frequent
    /// turns: a dialog step carries the revision it answers (a second delivery is stale and changes nothing), the
    /// same role is confirmed once whatever the number of clicks, and a refresh only reads.
    /// </summary>
    public static bool IsIdempotentByItself(Activity activity) =>
        activity is { Type: ActivityTypes.Invoke, Name: InvokeName }
        && CardAction.From(activity)?.Verb is Cards.DialogCard.Verb or KaartActions.ConfirmVerb or KaartActions.RefreshVerb;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        CardAction? action = CardAction.From(turn.Activity);
        switch (action?.Verb)
        {
            case Cards.DialogCard.Verb:
                return await conversation.HandleActionAsync(turn, action, cancellationToken);

            case KaartActions.ConfirmVerb:
                return await kaartActions.ConfirmAsync(turn, action, cancellationToken);

            case KaartActions.ProposeVerb:
                return await kaartActions.ProposeAsync(turn, action, cancellationToken);

            case KaartActions.RefreshVerb:
                return await kaartActions.RefreshAsync(turn, action, cancellationToken);

            case Cards.CloseCard.AskVerb:
                return await closing.AskFromCardAsync(turn, action, cancellationToken);

            case Cards.CloseCard.Verb:
                return await closing.CloseAsync(turn, action, cancellationToken);

            case Cards.CloseCard.CancelVerb:
                return await closing.CancelAsync(turn, action, cancellationToken);

            case Cards.DeleteCard.Verb:
                return await deletion.ConfirmAsync(turn, action, cancellationToken);

            case Cards.DeleteCard.CancelVerb:
                return await deletion.CancelAsync(turn, action, cancellationToken);

            case Cards.EvaluationCard.Verb:
                return await evaluations.AnswerAsync(turn, action, cancellationToken);

            case Reminders.EvaluationActions.EscalateVerb when action["kaartId"] is { } escalated:
                string? problem = await evaluations.EscalateAsync(turn, escalated, action["reden"] ?? string.Empty, cancellationToken);
                return problem is null ? InvokeResponse.Message(RegieTexts.Escalated) : InvokeResponse.Error(400, "invalidReason", problem);

            case "bijwerken" when action["kaartId"] is { } kaartId:
                string? refusal = await conversation.StartUpdateAsync(turn, kaartId, cancellationToken);
                return InvokeResponse.Message(refusal ?? RegieTexts.Started);

            default:
                return InvokeResponse.Error(400, "unknownAction", Texts.UnknownAction);
        }
    }
}

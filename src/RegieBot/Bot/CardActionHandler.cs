using RegieBot.Dialog;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// <c>adaptiveCard/action</c> invokes: must always be answered, with a card, a message or a card error. Every action
/// passes <see cref="CardActionGate"/> before a handler sees it.
/// </summary>
internal sealed class CardActionHandler(
    CardActionGate gate,
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
        if (action is null)
        {
            return InvokeResponse.Error(400, "unknownAction", Texts.UnknownAction);
        }

        // Every verb passes the gate first: handlers get what it loaded and checked, never an id from the card data.
        (CardTarget? target, InvokeResponse? refusal) = await gate.CheckAsync(turn, action, cancellationToken);
        if (target is null)
        {
            return refusal!;
        }

        switch (action.Verb)
        {
            case Cards.DialogCard.Verb:
                return await conversation.HandleActionAsync(turn, action, target.Dialog!, cancellationToken);

            case KaartActions.ConfirmVerb:
                return await kaartActions.ConfirmAsync(turn, action, target.Snapshot!, cancellationToken);

            case KaartActions.ProposeVerb:
                return await kaartActions.ProposeAsync(turn, action, target.Snapshot!, cancellationToken);

            case KaartActions.RefreshVerb:
                return kaartActions.Refresh(turn, target.Snapshot!);

            case Cards.CloseCard.AskVerb:
                return await closing.AskFromCardAsync(target.Kaart!, cancellationToken);

            case Cards.CloseCard.Verb:
                return await closing.CloseAsync(turn, action, target.Kaart!, cancellationToken);

            case Cards.CloseCard.CancelVerb:
                return closing.Cancel(turn, target.Kaart!);

            case Cards.DeleteCard.Verb:
                return await deletion.ConfirmAsync(turn, action, target.Thread!, cancellationToken);

            case Cards.DeleteCard.CancelVerb:
                return deletion.CancelAsync(turn, target.Thread!);

            case Cards.EvaluationCard.Verb:
                return await evaluations.AnswerAsync(turn, action, target.Kaart!, cancellationToken);

            case Reminders.EvaluationActions.EscalateVerb:
                string? problem = await evaluations.EscalateAsync(turn, target.KaartId, action["reden"] ?? string.Empty, cancellationToken);
                return problem is null ? InvokeResponse.Message(RegieTexts.Escalated) : InvokeResponse.Error(400, "invalidReason", problem);

            case CardActionGate.UpdateVerb:
                string? notStarted = await conversation.StartUpdateAsync(turn, target.KaartId, cancellationToken);
                return InvokeResponse.Message(notStarted ?? RegieTexts.Started);

            default:
                return InvokeResponse.Error(400, "unknownAction", Texts.UnknownAction);
        }
    }
}

using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>
/// <c>adaptiveCard/action</c> invokes: must always be answered, with a card, a message or a card error. Every action
/// passes <see cref="CardActionGate"/> before its handler in <see cref="CardVerbs"/> sees it.
/// </summary>
internal sealed class CardActionHandler(CardActionGate gate, CardVerbs verbs)
{
    public const string InvokeName = "adaptiveCard/action";

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        CardAction? action = turn.CardAction;
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

        // The gate found the verb in the table, so it has a handler.
        return await verbs.Find(action.Verb)!.Handle(turn, action, target, cancellationToken);
    }
}

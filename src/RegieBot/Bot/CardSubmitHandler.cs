using System.Text.Json.Nodes;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// The <c>Action.Submit</c> fallback of a card action, from Teams clients without Universal Actions: a message with
/// the action's data as <c>value</c>. It goes through the same handler (and so the same checks) as the invoke. There
/// is no invoke response to show, so the answer is made visible in the conversation: a step card is updated in place
/// (its errors included) unless the handler already updates it for everyone, a message or a refusal is posted as text.
/// Other cards were already updated by the handler.
/// That answer goes out after the turn (<see cref="IAfterTurn"/>): the message's HTTP answer never waits for Teams,
/// which re-sends a message it got no answer to (a throttled post would wait out its Retry-After).
/// </summary>
internal sealed class CardSubmitHandler(CardActionHandler cardActions, IConnectorClient connector, IRecordedAnswers recordedAnswers, IAfterTurn afterTurn, ILogger<CardSubmitHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        InvokeResponse response = await cardActions.HandleAsync(turn, cancellationToken);
        string? verb = turn.CardAction?.Verb;
        string? type = response.Body?["type"]?.GetValue<string>();
        JsonNode? value = response.Body?["value"];
        logger.CardSubmitAnswered(verb ?? "none", type ?? "none");
        string key = turn.Activity.Conversation?.Id ?? string.Empty;
        switch (type)
        {
            case Attachment.AdaptiveCardContentType when verb == Cards.DialogCard.Verb && value is JsonObject card && !turn.UpdatesClickedCard
                && turn.Activity.ReplyToId is { } cardId && turn.Activity.ServiceUrl is { } serviceUrl && turn.Activity.Conversation?.Id is { } conversationId:
                Activity update = new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
                afterTurn.Run(key, ct => connector.UpdateActivityAsync(serviceUrl, conversationId, cardId, update, ct));
                break;

            case "application/vnd.microsoft.activity.message" when value?.GetValue<string>() is { Length: > 0 } text:
                afterTurn.Run(key, ct => AnswerAsync(turn, text, ct));
                break;

            case "application/vnd.microsoft.error" when ErrorMessage(value) is { Length: > 0 } message:
                afterTurn.Run(key, ct => AnswerAsync(turn, message, ct));
                break;
        }
    }

    /// <summary>
    /// An answer may name the casus ("Familie T. is afgesloten"): in the thread of a kaart the gate let the click through
    /// to, it is recorded with the casus before it is posted, so an erasure replaces it (and nothing is posted once the
    /// casus is gone). A refusal, and the answer of the click that erases the casus, name nothing of it.
    /// </summary>
    private Task AnswerAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.CardKaartId is { } kaartId && turn.Activity.Id is { Length: > 0 } activityId && !turn.ErasesItsCasus
            ? recordedAnswers.PostRecordedTextAsync(kaartId, "submit|" + activityId, text, cancellationToken)
            : turn.SendPlainTextAsync(text, cancellationToken);

    private static string? ErrorMessage(JsonNode? value) => value is JsonObject error ? error["message"]?.GetValue<string>() : null;
}

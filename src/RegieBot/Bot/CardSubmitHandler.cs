using System.Text.Json.Nodes;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// The <c>Action.Submit</c> fallback of a card action, from Teams clients without Universal Actions: a message with
/// the action's data as <c>value</c>. It goes through the same handler (and so the same checks) as the invoke. There
/// is no invoke response to show, so the answer is made visible in the conversation: a step card is updated in place
/// (its errors included), a message or a refusal is posted as text. Other cards were already updated by the handler.
/// </summary>
internal sealed class CardSubmitHandler(CardActionHandler cardActions, IConnectorClient connector, ILogger<CardSubmitHandler> logger)
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        InvokeResponse response = await cardActions.HandleAsync(turn, cancellationToken);
        string? verb = turn.CardAction?.Verb;
        string? type = response.Body?["type"]?.GetValue<string>();
        JsonNode? value = response.Body?["value"];
        logger.CardSubmitAnswered(verb ?? "none", type ?? "none");
        switch (type)
        {
            case Attachment.AdaptiveCardContentType when verb == Cards.DialogCard.Verb && value is JsonObject card
                && turn.Activity.ReplyToId is { } cardId && turn.Activity.ServiceUrl is { } serviceUrl && turn.Activity.Conversation?.Id is { } conversationId:
                Activity update = new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
                await connector.UpdateActivityAsync(serviceUrl, conversationId, cardId, update, cancellationToken);
                break;

            case "application/vnd.microsoft.activity.message" when value?.GetValue<string>() is { Length: > 0 } text:
                await turn.SendPlainTextAsync(text, cancellationToken);
                break;

            case "application/vnd.microsoft.error" when ErrorMessage(value) is { Length: > 0 } message:
                await turn.SendPlainTextAsync(message, cancellationToken);
                break;
        }
    }

    private static string? ErrorMessage(JsonNode? value) => value is JsonObject error ? error["message"]?.GetValue<string>() : null;
}

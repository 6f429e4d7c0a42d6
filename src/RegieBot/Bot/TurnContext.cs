using System.Text.Json.Nodes;
using RegieBot.Domain.Turns;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>One inbound activity being handled: what came in, its keys, and how to answer in its conversation.</summary>
internal sealed class TurnContext(Activity activity, TurnKeys keys, IConnectorClient connector)
{
    public Activity Activity => activity;

    public TurnKeys Keys => keys;

    /// <summary>
    /// Set by a handler whose turn starts erasing the casus of this thread: the conversation reference, which the pipeline
    /// writes after a turn, is then not written again after the erasure removed it.
    /// </summary>
    public bool ErasesItsCasus { get; set; }

    /// <summary>
    /// Set by a handler that already updates the clicked card for everyone (an outbox item of its commit, or a follow-up of
    /// the relay): the <c>Action.Submit</c> fallback then leaves that card alone, so its answer can never land after, and
    /// overwrite, a newer click's update.
    /// </summary>
    public bool UpdatesClickedCard { get; set; }

    /// <summary>The kaart a card action acts on, once <see cref="CardActionGate"/> let it through; null before or without.</summary>
    public string? CardKaartId { get; set; }

    /// <summary>
    /// The card action the activity carries (an invoke or its <c>Action.Submit</c> fallback), parsed once for the turn;
    /// null for any other activity. Its data is client-controlled: see <see cref="CardActionGate"/>.
    /// </summary>
    public CardAction? CardAction { get; } = CardAction.From(activity, Cards.UniversalActions.VerbKey);

    /// <summary>The message text without the bot's own mention.</summary>
    public string Text { get; } = activity.GetTextWithoutBotMention();

    /// <summary>
    /// Set when a post to the turn's conversation did not reach the Bot Connector (no answer, a 5xx, a url it refuses):
    /// the pipeline then sends no apology to that url, which would only fail again. A 4xx is an answer about the
    /// message (a card Teams refuses), not about the url.
    /// </summary>
    public bool PostingFailed { get; private set; }

    /// <summary>Posts in the conversation the activity came from; in a channel thread that is a reply in the thread.</summary>
    public Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken) =>
        SendToAsync(activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation."), reply, cancellationToken);

    /// <summary>Posts in another conversation reached through the activity's serviceUrl (e.g. the team's General channel).</summary>
    public async Task<ResourceResponse> SendToAsync(string conversationId, Activity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        try
        {
            return await connector.SendToConversationAsync(serviceUrl, conversationId, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not ConnectorException { StatusCode: >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError }
            && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            PostingFailed = true;
            throw;
        }
    }

    /// <summary>Our own text, with markdown (bold command names). Never for text that contains user input.</summary>
    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);

    /// <summary>Text shown as typed: for sentences that contain what users entered (aliases, names).</summary>
    public Task<ResourceResponse> SendPlainTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, cancellationToken);

    /// <summary>A card is sent as an activity of its own: Teams may split text plus attachment into two messages.</summary>
    public Task<ResourceResponse> SendCardAsync(JsonObject card, CancellationToken cancellationToken) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
}

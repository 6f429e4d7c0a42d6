using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Privacy;

/// <summary>
/// <c>verwijderen</c>: an explicit question in the casus's thread, and only a member of the channel who
/// answers it there deletes the casus, at once and everywhere (<see cref="CasusEraser"/>). The bot's cards
/// in Teams are replaced by a notice that names nothing of the casus.
/// </summary>
internal sealed class CasusDeletion(
    Outbox.OutboxRelay relay,
    CasusLocator locator,
    CasusMessages messages,
    DeleteCard deleteCard,
    RemovedCard removedCard,
    KaartPublisher publisher,
    TimeProvider time,
    IOptions<PrivacyOptions> options,
    ILogger<CasusDeletion> logger)
{
    public async Task AskAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ThreadKaart? thread = await locator.FindAsync(turn, cancellationToken);
        if (thread is null)
        {
            return;
        }

        string serviceUrl = turn.Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        await messages.PostCardAsync(thread.KaartId, serviceUrl, thread.ThreadId, deleteCard.Ask(thread.KaartId, thread.Casus, time.GetUtcNow()), cancellationToken);
        if (!string.Equals(thread.ThreadId, turn.Activity.Conversation?.Id, StringComparison.Ordinal))
        {
            await turn.SendPlainTextAsync(PrivacyTexts.DeleteAsked, cancellationToken);
        }
    }

    /// <summary>"Ja, verwijder alles", by a member of the channel in the casus's own thread (both checked by the gate).</summary>
    public async Task<InvokeResponse> ConfirmAsync(TurnContext turn, CardAction action, ThreadKaart thread, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (!DateTimeOffset.TryParse(action[DeleteCard.AskedAtField], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset askedAt)
            || askedAt > now.AddMinutes(5)
            || now - askedAt > options.Value.DeleteQuestionValidity)
        {
            return Answer(thread, turn, deleteCard.Expired(thread.KaartId, thread.Casus));
        }

        string notice = RemovedCard.DeletedText(now);
        // A tombstone first: the erasure runs after the answer, and completes after any crash (the sweep takes it up).
        turn.ErasesItsCasus = true;
        await relay.EraseAsync(thread.KaartId, notice, keepActivityId: turn.Activity.ReplyToId, cancellationToken);
        logger.CasusDeleted(TurnKeyFactory.ForLog(thread.KaartId));
        return Answer(thread, turn, removedCard.Build(notice));
    }

    public InvokeResponse CancelAsync(TurnContext turn, ThreadKaart thread) =>
        Answer(thread, turn, deleteCard.Cancelled(thread.KaartId, thread.Casus));

    /// <summary>Shows the answer to the clicker and, in the thread, to everyone.</summary>
    private InvokeResponse Answer(ThreadKaart thread, TurnContext turn, JsonObject card)
    {
        (string serviceUrl, string? replyToId) = (turn.Activity.ServiceUrl ?? string.Empty, turn.Activity.ReplyToId);
        relay.Follow(thread.KaartId, ct => publisher.UpdateCardAsync(thread.KaartId, serviceUrl, thread.ThreadId, replyToId, card, ct));
        return InvokeResponse.Card(card);
    }
}

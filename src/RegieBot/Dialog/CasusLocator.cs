using RegieBot.Bot;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Teams;

namespace RegieBot.Dialog;

/// <summary>Which casus a command in a channel is about: the kaart of this thread, or the channel's only kaart.</summary>
internal sealed class CasusLocator(IKaartStore store)
{
    /// <summary>
    /// The kaart (or the dialog that will become one) of this thread; in a new channel post, the channel's only
    /// kaart. Tells the user what to do (and returns null) when there is none, or several.
    /// </summary>
    public async Task<ThreadKaart?> FindAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsPersonalConversation())
        {
            await turn.SendPlainTextAsync(RegieTexts.InChannelOnly, cancellationToken);
            return null;
        }

        string conversationId = turn.Activity.Conversation?.Id ?? string.Empty;
        if (await store.FindByThreadAsync(conversationId, cancellationToken) is { } thread)
        {
            return thread;
        }

        IReadOnlyList<ThreadKaart> inChannel = await store.ListByChannelAsync(KaartLocation.ChannelOf(conversationId), cancellationToken);
        switch (inChannel.Count)
        {
            case 0:
                await turn.SendPlainTextAsync(RegieTexts.NoKaartHere, cancellationToken);
                return null;
            case 1:
                return inChannel[0];
            default:
                await turn.SendPlainTextAsync(RegieTexts.Several(inChannel.Select(t => t.Casus)), cancellationToken);
                return null;
        }
    }
}

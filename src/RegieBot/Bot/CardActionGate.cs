using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Bot;

/// <summary>
/// The one door every card action goes through. Card data is client-controlled (kaart ids are in every card's JSON),
/// so for each verb the gate loads what the data names and lets the action through only when (1) it lives in the
/// conversation the click came from, and (2) the clicker — by <c>from.aadObjectId</c> — may do that verb there.
/// The loaded value is handed to the handler (<see cref="CardTarget"/>), so checking costs no extra read.
/// A refusal names nothing of the casus. A verb without an entry in <see cref="CardVerbs"/> is refused.
/// </summary>
internal sealed class CardActionGate(CardVerbs verbs, IKaartStore store, ChannelMembers members, ILogger<CardActionGate> logger)
{
    public const string UpdateVerb = "bijwerken";

    /// <summary>Longer than any kaart id the bot issues.</summary>
    public const int MaxKaartIdLength = 64;

    /// <summary>The target when the action is allowed; otherwise the answer that refuses it.</summary>
    public async Task<(CardTarget? Target, InvokeResponse? Refusal)> CheckAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (verbs.Find(action.Verb) is not { } rule)
        {
            return (null, InvokeResponse.Error(400, "unknownAction", Texts.UnknownAction));
        }

        string? conversationId = turn.Activity.Conversation?.Id;
        string? aad = turn.Activity.From?.AadObjectId;
        // The bot's kaart ids are short ("k" and 16 hex digits); a longer one names nothing and is no storage key.
        if (action["kaartId"] is not { Length: > 0 and <= MaxKaartIdLength } kaartId || string.IsNullOrEmpty(conversationId))
        {
            return (null, InvokeResponse.Message(Texts.KaartGone));
        }

        if (string.IsNullOrEmpty(aad))
        {
            return Refuse(kaartId, "no aadObjectId", Texts.NotAllowed);
        }

        CardTarget? target = await LoadAsync(rule.Load, kaartId, conversationId, cancellationToken);
        if (target is null)
        {
            return (null, InvokeResponse.Message(Texts.KaartGone));
        }

        if (!string.Equals(ThreadOf(target), conversationId, StringComparison.Ordinal))
        {
            return Refuse(kaartId, "other conversation", Texts.WrongConversation);
        }

        switch (rule.Actor)
        {
            case CardActor.LinkedProfessional when target.Snapshot?.State.ConfirmableBy(aad, null) is null:
                return Refuse(kaartId, "not on the kaart", Texts.NotOnKaart);

            case CardActor.ChannelMember:
                IReadOnlyList<TeamMember> roster;
                try
                {
                    roster = await members.ListAsync(turn.Activity, cancellationToken);
                }
                catch (Exception ex) when (ex is RosterUnavailableException or ConnectorException { StatusCode: System.Net.HttpStatusCode.TooManyRequests })
                {
                    // Teams cannot list the members within the click's second: no wait, and a later click will find them.
                    logger.CardActionRefused(action.Verb, TurnKeyFactory.ForLog(kaartId), "roster busy");
                    return (null, InvokeResponse.Message(Texts.TeamsBusy));
                }
                catch (ConnectorException ex)
                {
                    logger.CardActionRefused(action.Verb, TurnKeyFactory.ForLog(kaartId), "roster " + (int)ex.StatusCode);
                    return (null, InvokeResponse.Error(500, "membersUnknown", Texts.MembersUnknown));
                }

                if (!roster.Any(m => m.AadObjectId == aad))
                {
                    return Refuse(kaartId, "not a member", Texts.OnlyChannelMembers);
                }

                break;
        }

        turn.CardKaartId = kaartId;
        return (target, null);

        (CardTarget?, InvokeResponse?) Refuse(string id, string reason, string text)
        {
            logger.CardActionRefused(action.Verb, TurnKeyFactory.ForLog(id), reason);
            return (null, InvokeResponse.Message(text));
        }
    }

    private async Task<CardTarget?> LoadAsync(CardLoad load, string kaartId, string conversationId, CancellationToken cancellationToken)
    {
        switch (load)
        {
            case CardLoad.Dialog:
                DialogState? dialog = await store.GetDialogAsync(kaartId, cancellationToken);
                return dialog is null ? null : new CardTarget { KaartId = kaartId, Dialog = dialog };

            case CardLoad.Snapshot:
                KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaartId, cancellationToken);
                return snapshot is null ? null : new CardTarget { KaartId = kaartId, Snapshot = snapshot, Kaart = snapshot.Kaart };

            case CardLoad.Kaart:
                Kaart? kaart = await store.GetKaartAsync(kaartId, cancellationToken);
                return kaart is null ? null : new CardTarget { KaartId = kaartId, Kaart = kaart };

            default:
                // Looked up by the conversation, not by the id: a casus that is not this thread's is simply not found here.
                ThreadKaart? thread = await store.FindByThreadAsync(conversationId, cancellationToken);
                if (thread is not null && thread.KaartId == kaartId)
                {
                    return new CardTarget { KaartId = kaartId, Thread = thread };
                }

                bool elsewhere = await store.GetKaartAsync(kaartId, cancellationToken) is not null || await store.GetDialogAsync(kaartId, cancellationToken) is not null;
                return elsewhere ? new CardTarget { KaartId = kaartId } : null;
        }
    }

    private static string? ThreadOf(CardTarget target) =>
        target.Dialog?.Location.ThreadId ?? target.Kaart?.Location.ThreadId ?? target.Thread?.ThreadId;
}

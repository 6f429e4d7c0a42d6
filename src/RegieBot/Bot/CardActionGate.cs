using System.Collections.Frozen;
using RegieBot.Cards;
using RegieBot.Dialog;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using RegieBot.Protocol.Connector;
using RegieBot.Protocol.Schema;

namespace RegieBot.Bot;

/// <summary>
/// The one door every card action goes through. Card data is client-controlled (kaart ids are in every card's JSON),
/// so for each verb the gate loads what the data names and lets the action through only when (1) it lives in the
/// conversation the click came from, and (2) the clicker — by <c>from.aadObjectId</c> — may do that verb there.
/// The loaded value is handed to the handler (<see cref="CardTarget"/>), so checking costs no extra read.
/// A refusal names nothing of the casus. A verb without a rule here is refused.
/// </summary>
internal sealed class CardActionGate(IKaartStore store, ChannelMembers members, ILogger<CardActionGate> logger)
{
    public const string UpdateVerb = "bijwerken";

    /// <summary>Longer than any kaart id the bot issues.</summary>
    public const int MaxKaartIdLength = 64;

    private static readonly FrozenDictionary<string, Rule> Rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
    {
        [DialogCard.Verb] = new(Load.Dialog, Actor.InConversation),
        [KaartActions.ConfirmVerb] = new(Load.Snapshot, Actor.LinkedProfessional),
        [KaartActions.ProposeVerb] = new(Load.Snapshot, Actor.InConversation),
        [KaartActions.RefreshVerb] = new(Load.Snapshot, Actor.InConversation),
        [CloseCard.AskVerb] = new(Load.Kaart, Actor.InConversation),
        [CloseCard.Verb] = new(Load.Kaart, Actor.InConversation),
        [CloseCard.CancelVerb] = new(Load.Kaart, Actor.InConversation),
        [DeleteCard.Verb] = new(Load.Thread, Actor.ChannelMember),
        [DeleteCard.CancelVerb] = new(Load.Thread, Actor.InConversation),
        [EvaluationCard.Verb] = new(Load.Kaart, Actor.InConversation),
        [Reminders.EvaluationActions.EscalateVerb] = new(Load.Kaart, Actor.InConversation),
        [UpdateVerb] = new(Load.Kaart, Actor.InConversation),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private enum Load
    {
        Dialog,
        Snapshot,
        Kaart,
        Thread,
    }

    private enum Actor
    {
        /// <summary>Anyone Teams lets click in the conversation (every member of the channel: it is a team conversation).</summary>
        InConversation,

        /// <summary>A professional linked to the kaart (their own entry is checked by the handler).</summary>
        LinkedProfessional,

        /// <summary>A member of the team's roster, asked of Teams at the moment of the click.</summary>
        ChannelMember,
    }

    /// <summary>The verbs the gate knows; every verb a card in <c>cards/</c> uses must be one of them.</summary>
    public static IReadOnlyCollection<string> Verbs => Rules.Keys;

    /// <summary>The target when the action is allowed; otherwise the answer that refuses it.</summary>
    public async Task<(CardTarget? Target, InvokeResponse? Refusal)> CheckAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (!Rules.TryGetValue(action.Verb, out Rule? rule))
        {
            return (null, InvokeResponse.Error(400, "unknownAction", Texts.UnknownAction));
        }

        string? conversationId = turn.Activity.Conversation?.Id;
        string? aad = turn.Activity.From?.AadObjectId;
        // The bot's kaart ids are short ("k" and 16 hex digits); a longer one names nothing and is no storage key.
        if (action["kaartId"] is not { Length: > 0 and <= MaxKaartIdLength } kaartId || string.IsNullOrEmpty(conversationId))
        {
            return (null, InvokeResponse.Message(RegieTexts.KaartGone));
        }

        if (string.IsNullOrEmpty(aad))
        {
            return Refuse(kaartId, "no aadObjectId", RegieTexts.NotAllowed);
        }

        CardTarget? target = await LoadAsync(rule.Load, kaartId, conversationId, cancellationToken);
        if (target is null)
        {
            return (null, InvokeResponse.Message(RegieTexts.KaartGone));
        }

        if (!string.Equals(ThreadOf(target), conversationId, StringComparison.Ordinal))
        {
            return Refuse(kaartId, "other conversation", RegieTexts.WrongConversation);
        }

        switch (rule.Actor)
        {
            case Actor.LinkedProfessional when target.Snapshot?.State.ConfirmableBy(aad, null) is null:
                return Refuse(kaartId, "not on the kaart", RegieTexts.NotOnKaart);

            case Actor.ChannelMember:
                IReadOnlyList<TeamMember> roster;
                try
                {
                    roster = await members.ListAsync(turn.Activity, cancellationToken);
                }
                catch (ConnectorException ex)
                {
                    logger.CardActionRefused(action.Verb, TurnKeyFactory.ForLog(kaartId), "roster " + (int)ex.StatusCode);
                    return (null, InvokeResponse.Error(500, "membersUnknown", RegieTexts.MembersUnknown));
                }

                if (!roster.Any(m => m.AadObjectId == aad))
                {
                    return Refuse(kaartId, "not a member", RegieTexts.OnlyChannelMembers);
                }

                break;
        }

        return (target, null);

        (CardTarget?, InvokeResponse?) Refuse(string id, string reason, string text)
        {
            logger.CardActionRefused(action.Verb, TurnKeyFactory.ForLog(id), reason);
            return (null, InvokeResponse.Message(text));
        }
    }

    private async Task<CardTarget?> LoadAsync(Load load, string kaartId, string conversationId, CancellationToken cancellationToken)
    {
        switch (load)
        {
            case Load.Dialog:
                DialogState? dialog = await store.GetDialogAsync(kaartId, cancellationToken);
                return dialog is null ? null : new CardTarget { KaartId = kaartId, Dialog = dialog };

            case Load.Snapshot:
                KaartSnapshot? snapshot = await store.GetSnapshotAsync(kaartId, cancellationToken);
                return snapshot is null ? null : new CardTarget { KaartId = kaartId, Snapshot = snapshot, Kaart = snapshot.Kaart };

            case Load.Kaart:
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

    private sealed record Rule(Load Load, Actor Actor);
}

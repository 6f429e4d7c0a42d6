using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Validation;
using RegieBot.Protocol.Schema;

namespace RegieBot.Dialog;

/// <summary>
/// The buttons on the regiekaart card: "Ik bevestig mijn rol", "Wijziging voorstellen", and the card's
/// automatic refresh that shows each linked professional their own state.
/// </summary>
internal sealed class KaartActions(
    IKaartStore store,
    KaartPublisher publisher,
    Outbox.OutboxRelay relay,
    KaartCard kaartCard,
    ProposalCard proposalCard,
    CasusMessages messages,
    TimeProvider time,
    ILogger<KaartActions> logger)
{
    public const string ConfirmVerb = "bevestigen";
    public const string ProposeVerb = "wijziging";
    public const string RefreshVerb = "refreshKaart";

    public async Task<InvokeResponse> ConfirmAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        (KaartSnapshot? snapshot, InvokeResponse? refusal) = await LoadAsync(turn, action, cancellationToken);
        if (snapshot is null)
        {
            return refusal!;
        }

        string? aad = turn.Activity.From?.AadObjectId;
        Professional? professional = snapshot.State.ConfirmableBy(aad, action["professionalId"]);
        if (professional is null)
        {
            logger.ConfirmationRefused(TurnKeyFactory.ForLog(snapshot.Kaart.Id));
            return InvokeResponse.Error(403, "notYourRole", action["professionalId"] is null || snapshot.State.ConfirmableBy(aad, null) is null
                ? RegieTexts.NotOnKaart
                : RegieTexts.OnlyOwnRole);
        }

        Confirmation confirmation = new(professional.Id, aad!, time.GetUtcNow(), RoleFingerprints.Of(snapshot.Kaart.Content, professional));
        ConfirmOutcome outcome = await store.ConfirmAsync(snapshot, confirmation, cancellationToken);
        logger.RoleConfirmed(TurnKeyFactory.ForLog(snapshot.Kaart.Id), outcome.Recorded);

        // The outcome is the current state right after the write (or the read that found the role confirmed): shown as is,
        // not read again. The shared card follows; the click is answered without waiting for Teams.
        relay.Follow(snapshot.Kaart.Id, ct => publisher.PublishAsync(outcome.Snapshot, ct));
        return InvokeResponse.Card(kaartCard.Build(outcome.Snapshot, aad));
    }

    public async Task<InvokeResponse> ProposeAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        (KaartSnapshot? snapshot, InvokeResponse? refusal) = await LoadAsync(turn, action, cancellationToken);
        if (snapshot is null)
        {
            return refusal!;
        }

        string text = TextInput.Clean(action["voorstel"], keepLineBreaks: true);
        if (TextInput.Check("Je voorstel", text, Limits.ReasonMaxLength, required: true) is { } problem)
        {
            return InvokeResponse.Error(400, "invalidProposal", problem);
        }

        string? aad = turn.Activity.From?.AadObjectId;
        Professional? proposer = snapshot.State.ConfirmableBy(aad, null);
        ChangeProposal proposal = new(
            Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12],
            aad ?? turn.Activity.From?.Id ?? "unknown",
            proposer?.Id,
            text,
            time.GetUtcNow());
        await store.AddProposalAsync(snapshot.Kaart.Id, proposal, cancellationToken);

        string who = proposer?.Naam ?? (string.IsNullOrWhiteSpace(turn.Activity.From?.Name) ? "Een collega" : turn.Activity.From!.Name!);
        Kaart kaart = snapshot.Kaart;
        await messages.PostCardAsync(kaart.Id, kaart.Location.ServiceUrl, kaart.Location.ThreadId, proposalCard.Build(kaart, who, text), cancellationToken);
        logger.ChangeProposed(TurnKeyFactory.ForLog(kaart.Id));
        KaartSnapshot current = await publisher.RefreshAsync(kaart.Id, cancellationToken) ?? snapshot;
        return InvokeResponse.Card(kaartCard.Build(current, aad));
    }

    /// <summary>The card as the viewer should see it; no writes.</summary>
    public async Task<InvokeResponse> RefreshAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        (KaartSnapshot? snapshot, InvokeResponse? refusal) = await LoadAsync(turn, action, cancellationToken);
        return snapshot is null ? refusal! : InvokeResponse.Card(kaartCard.Build(snapshot, turn.Activity.From?.AadObjectId));
    }

    private async Task<(KaartSnapshot? Snapshot, InvokeResponse? Refusal)> LoadAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        KaartSnapshot? snapshot = action["kaartId"] is { } kaartId ? await store.GetSnapshotAsync(kaartId, cancellationToken) : null;
        if (snapshot is null)
        {
            return (null, InvokeResponse.Message(RegieTexts.KaartGone));
        }

        if (!string.Equals(snapshot.Kaart.Location.ThreadId, turn.Activity.Conversation?.Id, StringComparison.Ordinal))
        {
            return (null, InvokeResponse.Error(403, "wrongConversation", RegieTexts.WrongConversation));
        }

        return snapshot.Kaart.Status == KaartStatus.Afgesloten
            ? (null, InvokeResponse.Message(RegieTexts.Closed(snapshot.Kaart.Casus)))
            : (snapshot, null);
    }
}

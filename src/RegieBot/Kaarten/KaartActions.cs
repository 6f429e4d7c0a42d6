using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Common;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Validation;
using RegieBot.Protocol.Schema;
using RegieBot.Protocol.Teams;

namespace RegieBot.Kaarten;

/// <summary>
/// The buttons on the regiekaart card: "Ik bevestig mijn rol", "Wijziging voorstellen", and the card's
/// automatic refresh that shows each linked professional their own state.
/// </summary>
internal sealed class KaartActions(
    IKaartCommitStore store,
    Outbox.OutboxRelay relay,
    KaartCard kaartCard,
    ProposalCard proposalCard,
    TimeProvider time,
    ILogger<KaartActions> logger)
{
    public const string ConfirmVerb = "bevestigen";
    public const string ProposeVerb = "wijziging";
    public const string RefreshVerb = "refreshKaart";

    public async Task<InvokeResponse> ConfirmAsync(TurnContext turn, CardAction action, KaartSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (Closed(snapshot) is { } closed)
        {
            return closed;
        }

        string? aad = turn.Activity.From?.AadObjectId;
        Professional? professional = snapshot.State.ConfirmableBy(aad, action["professionalId"]);
        if (professional is null)
        {
            logger.ConfirmationRefused(TurnKeyFactory.ForLog(snapshot.Kaart.Id));
            return InvokeResponse.Message(action["professionalId"] is null || snapshot.State.ConfirmableBy(aad, null) is null
                ? Texts.NotOnKaart
                : KaartTexts.OnlyOwnRole);
        }

        Confirmation confirmation = new(professional.Id, aad!, time.GetUtcNow(), RoleFingerprints.Of(snapshot.Kaart.Content, professional));
        // The confirmation, its seal and the shared card's update in one transaction; the relay updates the card right
        // after, coalesced with the other clicks of a burst (one refresh applies every waiting card item of the kaart), and
        // the channel tab's summary from the snapshot that refresh read.
        // The outcome is the current state right after the write (or the read that found the role confirmed): shown as
        // is, not read again; the click is answered without waiting for Teams.
        ConfirmOutcome outcome = await relay.CommitUnmarkedAsync(
            snapshot.Kaart.Id,
            token => store.ConfirmAsync(snapshot, confirmation, [OutboxItem.Of(token, OutboxEffect.KaartCard), OutboxItem.Of(token, OutboxEffect.Summary)], cancellationToken));
        logger.RoleConfirmed(TurnKeyFactory.ForLog(snapshot.Kaart.Id), outcome.Recorded);
        return InvokeResponse.Card(kaartCard.Build(outcome.Snapshot, aad));
    }

    public async Task<InvokeResponse> ProposeAsync(TurnContext turn, CardAction action, KaartSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (Closed(snapshot) is { } closed)
        {
            return closed;
        }

        string text = TextInput.Clean(action["voorstel"], keepLineBreaks: true);
        if (TextInput.Check(KaartTexts.ProposalLabel, text, Limits.ReasonMaxLength, required: true) is { } problem)
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
        string who = proposer?.Naam ?? (string.IsNullOrWhiteSpace(turn.Activity.From?.Name) ? PersonNames.UnknownOpening : turn.Activity.From!.Name!);
        Kaart kaart = snapshot.Kaart;
        string card = proposalCard.Build(kaart, who, text).ToJsonString();

        // The proposal, its card and the shared card's update in one commit; the relay posts and updates afterwards.
        await relay.CommitAsync(
            kaart.Id,
            token => new KaartCommit(kaart.Id, token, [OutboxItem.Post(token, card), OutboxItem.Of(token, OutboxEffect.KaartCard)]) { Proposal = proposal },
            cancellationToken);
        logger.ChangeProposed(TurnKeyFactory.ForLog(kaart.Id));
        return InvokeResponse.Card(kaartCard.Build(snapshot with { Proposals = [.. snapshot.Proposals, proposal] }, aad));
    }

    /// <summary>
    /// The card as the viewer should see it; no reads or writes beyond the gate's. A shared-card update that a crash left
    /// waiting (a confirmation's commit has no intent for the sweep to find) is applied in the background.
    /// </summary>
    public InvokeResponse Refresh(TurnContext turn, KaartSnapshot snapshot)
    {
        if (snapshot.PendingCardSince is { } since)
        {
            relay.FinishCards(snapshot.Kaart.Id, since);
        }

        return Closed(snapshot) ?? InvokeResponse.Card(kaartCard.Build(snapshot, turn.Activity.From?.AadObjectId));
    }

    private static InvokeResponse? Closed(KaartSnapshot snapshot) =>
        snapshot.Kaart.Status == KaartStatus.Afgesloten ? InvokeResponse.Message(CasusTexts.Closed(snapshot.Kaart.Casus)) : null;
}

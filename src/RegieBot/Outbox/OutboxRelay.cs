using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RegieBot.Bot;
using RegieBot.Common;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Privacy;
using RegieBot.Protocol.Connector;

namespace RegieBot.Outbox;

/// <summary>
/// One commit per operation, and everything it causes afterwards. An operation writes an intent in the work table,
/// then commits its state together with its outbox items in one transaction in the kaart's partition; right after,
/// this relay applies the items in the background (never on the request's token) and drops the intent. Whatever a
/// crash, a lost response or Teams leaves undone is found by the sweep (<see cref="SweepAsync"/>, on every instance)
/// through the intent, claimed with a lease, and applied again: every effect is derived from what is stored, so
/// applying it twice does no harm. Erasures go the same way, with a tombstone as their intent.
/// Work of one kaart is serialised within an instance.
/// </summary>
internal sealed class OutboxRelay(
    IOutboxStore outbox,
    IKaartStore store,
    ReminderScheduler scheduler,
    KaartPublisher publisher,
    CasusMessages messages,
    IRetentionIndex retention,
    CasusEraser eraser,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxRelay> logger) : IAfterTurn
{
    private const int SweepBatch = 50;

    /// <summary>Less than this left of a lease when work starts: it is renewed first (and the work stops at half of it).</summary>
    private static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly ConcurrentDictionary<string, PendingUpdate> _latest = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private long _ids;

    /// <summary>
    /// Saves a new version of the kaart with its outbox (indexes, evaluation reminder, shared card) in one commit and
    /// starts applying it. Three storage requests on the caller's path: none besides the intent and the transaction.
    /// </summary>
    /// <param name="more">Effects of the operation besides the version's own (e.g. the answered card), given the token.</param>
    public async Task<Kaart> CommitVersionAsync(
        Kaart kaart, Kaart? previous, DialogState? completedDialog, string? botId, CancellationToken cancellationToken, Func<string, IEnumerable<OutboxItem>>? more = null)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        HashSet<string> linked = [.. kaart.Content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!)];
        string[] removed = [.. previous?.Content.Professionals.Where(p => p.IsLinked && !linked.Contains(p.AadObjectId!)).Select(p => p.AadObjectId!).Distinct(StringComparer.Ordinal) ?? []];
        return await CommitAsync(
            kaart.Id,
            token => store.SaveVersionAsync(kaart, completedDialog, [.. OutboxItem.ForVersion(token, removed, botId), .. more?.Invoke(token) ?? []], token, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Any other operation (a close, a proposal, an escalation, a postponement, a notice): <paramref name="commit"/> gets
    /// the operation's token and writes everything in one transaction (see <see cref="IKaartStore.CommitAsync"/>); the
    /// relay then applies its outbox. Two storage requests on the caller's path: the intent and the transaction.
    /// </summary>
    public async Task<T> CommitAsync<T>(string kaartId, Func<string, Task<T>> commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        PendingWork intent = await outbox.MarkPendingAsync(kaartId, time.GetUtcNow() + options.Value.Grace, cancellationToken);
        string token = NewToken();
        T result = await commit(token);
        Start(kaartId, ct => ApplyAsync(intent, ct, token));
        return result;
    }

    /// <summary>
    /// An operation with no intent: the commit is its only storage request. Only for effects that a later reader of the
    /// kaart finishes itself when a crash stops the relay: the step card of a new dialog (the next <c>start</c> in the
    /// thread finds it pending, <see cref="ApplyPendingAsync"/>), a dialog step's update of the step card (the next
    /// step's commit supersedes it), and a confirmation's update of the shared card (the next viewer's snapshot read
    /// sees it waiting, <see cref="FinishCards"/>).
    /// </summary>
    public async Task<T> CommitUnmarkedAsync<T>(string kaartId, Func<string, Task<T>> commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        string token = NewToken();
        T result = await commit(token);
        Start(kaartId, ct => ApplyItemsAsync(kaartId, ct, fresh: token));
        return result;
    }

    /// <summary>
    /// A reader found card updates of the kaart waiting long after their commit (a crash stopped the relay of a commit
    /// without intent): they are applied in the background. Only card updates, which are safe to apply twice; a post waits
    /// for its own intent's sweep.
    /// </summary>
    public void FinishCards(string kaartId, DateTimeOffset pendingSince)
    {
        if (time.GetUtcNow() - pendingSince >= options.Value.Grace)
        {
            Start(kaartId, ct => ApplyItemsAsync(kaartId, ct, cardsOnly: true));
        }
    }

    /// <summary>Applies the kaart's pending outbox items now (after any work of it running here); returns how many there were.</summary>
    public async Task<int> ApplyPendingAsync(string kaartId, CancellationToken cancellationToken)
    {
        int applied = 0;
        await RunSerialisedAsync(kaartId, async ct => applied = await ApplyItemsAsync(kaartId, ct), cancellationToken);
        return applied;
    }

    /// <summary>Commits <paramref name="build"/>'s <see cref="KaartCommit"/> (see <see cref="CommitAsync{T}"/>).</summary>
    public Task<Kaart?> CommitAsync(string kaartId, Func<string, KaartCommit> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        return CommitAsync(kaartId, token => store.CommitAsync(build(token), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Erases the casus everywhere: a tombstone first (so the erasure completes after any crash), then the erasure in
    /// the background. One storage request on the caller's path.
    /// </summary>
    public async Task EraseAsync(string kaartId, string notice, string? keepActivityId, CancellationToken cancellationToken)
    {
        PendingWork tombstone = await outbox.MarkEraseAsync(kaartId, notice, keepActivityId, time.GetUtcNow() + options.Value.Grace, cancellationToken);
        Start(kaartId, ct => ApplyAsync(tombstone, ct));
    }

    /// <summary>A card update that follows a commit (the shared card after a click); the click's answer does not wait for it.</summary>
    public void Follow(string kaartId, Func<CancellationToken, Task> update) => Start(kaartId, update);

    /// <summary>Work of a turn that follows its answer (see <see cref="IAfterTurn"/>); tracked like the outbox's own.</summary>
    void IAfterTurn.Run(string key, Func<CancellationToken, Task> work) => Start(key, work);

    /// <summary>
    /// A card update that follows a commit and makes every earlier one of the same card (<paramref name="card"/>) moot:
    /// <paramref name="order"/> is the state it shows (a seal or dialog revision). While an update of that card waits or
    /// runs, later ones are coalesced: only the highest order still waiting is shown, so a burst of clicks on one card
    /// becomes one update after the one in flight, not one per click.
    /// </summary>
    public void FollowLatest(string kaartId, string card, long order, Func<CancellationToken, Task> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        PendingUpdate pending = new(order, update);
        while (true)
        {
            if (_latest.TryAdd(card, pending))
            {
                Start(kaartId, async ct =>
                {
                    if (_latest.TryRemove(card, out PendingUpdate? latest))
                    {
                        await latest.Update(ct);
                    }
                });
                return;
            }

            if (_latest.TryGetValue(card, out PendingUpdate? waiting) && (waiting.Order > order || _latest.TryUpdate(card, pending, waiting)))
            {
                return;   // shown by the update already waiting
            }
        }
    }

    /// <summary>Finds intents left by any instance and finishes them. Returns how many it finished.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        (long id, TaskCompletionSource done) = Track();
        using System.Diagnostics.Activity? span = StartSpan();
        try
        {
            return await SweepCoreAsync(cancellationToken);
        }
        finally
        {
            Untrack(id, done);
        }
    }

    private async Task<int> SweepCoreAsync(CancellationToken cancellationToken)
    {
        int finished = 0;
        DateTimeOffset now = time.GetUtcNow();
        IReadOnlyList<PendingWork> due = await outbox.FindDueAsync(now, SweepBatch, cancellationToken);
        foreach (PendingWork work in due)
        {
            if (await outbox.TryClaimAsync(work, now + options.Value.Lease, cancellationToken) is not { } claimed)
            {
                continue;   // another instance took it
            }

            try
            {
                await RunSerialisedAsync(work.KaartId, ct => ApplyAsync(claimed, ct), cancellationToken);
                finished++;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The intent stays; its lease runs out and a later sweep tries again.
                logger.OutboxWorkFailed(ex, TurnKeyFactory.ForLog(work.KaartId), claimed.Attempts);
            }
        }

        if (finished > 0)
        {
            logger.OutboxSwept(finished);
        }

        return finished;
    }

    /// <summary>Completes when no work started by this instance is running (for tests). Work cut short by a stop is left to the sweep.</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values);
        }
    }

    /// <param name="fresh">The token of the commit this instance just made, whose posts cannot have begun; null for a sweep.</param>
    private async Task ApplyAsync(PendingWork intent, CancellationToken cancellationToken, string? fresh = null)
    {
        string kaartId = intent.KaartId;
        int count = 0;
        PendingWork? held = await HoldingAsync(
            intent,
            async ct =>
            {
                if (intent.Erase)
                {
                    await eraser.EraseAsync(kaartId, intent.Notice ?? CasusTexts.RemovedFallbackNotice, intent.KeepActivityId, ct);
                }
                else
                {
                    count = await ApplyItemsAsync(kaartId, ct, fresh: fresh);
                }
            },
            cancellationToken);
        if (held is null)
        {
            return;   // another instance (or a newer operation's relay) took the intent over: it finishes the work
        }

        // Conditional on the intent as held: an operation that marked the kaart again meanwhile keeps its own.
        await outbox.ReleaseAsync(held, cancellationToken);
        if (!intent.Erase)
        {
            logger.OutboxApplied(TurnKeyFactory.ForLog(kaartId), count);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> while holding the intent's lease: renewed before it starts when little of it is left,
    /// and while it runs whenever half of what is left has passed (none of this costs a request when the work is done
    /// well within the grace, the usual case). When the lease is lost (another instance claimed the intent, or a newer
    /// operation marked it again) or cannot be renewed before it ends, the work is stopped, so no two instances apply
    /// the same intent at once. Returns the intent as held at the end, or null when it was lost.
    /// </summary>
    private async Task<PendingWork?> HoldingAsync(PendingWork intent, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        PendingWork held = intent;
        if (held.NotBefore - time.GetUtcNow() < MinimumLease)
        {
            if (await outbox.RenewAsync(held, time.GetUtcNow() + options.Value.Lease, cancellationToken) is not { } renewed)
            {
                logger.OutboxLeaseLost(TurnKeyFactory.ForLog(intent.KaartId));
                return null;
            }

            held = renewed;
        }

        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task running = work(stop.Token);
        bool lost = false;
        while (!running.IsCompleted)
        {
            TimeSpan left = held.NotBefore - time.GetUtcNow();
            if (left <= MinimumLease / 2)
            {
                lost = true;   // storage did not let it renew in time: stop before another instance may take it
                break;
            }

            using CancellationTokenSource tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay((left - (MinimumLease / 2)) / 2, time, tick.Token);
            await Task.WhenAny(running, delay);
            await tick.CancelAsync();
            if (running.IsCompleted)
            {
                break;
            }

            try
            {
                if (await outbox.RenewAsync(held, time.GetUtcNow() + options.Value.Lease, cancellationToken) is not { } renewed)
                {
                    lost = true;
                    break;
                }

                held = renewed;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.OutboxLeaseNotRenewed(ex, TurnKeyFactory.ForLog(intent.KaartId));   // tried again while time is left
            }
        }

        if (lost)
        {
            logger.OutboxLeaseLost(TurnKeyFactory.ForLog(intent.KaartId));
            await stop.CancelAsync();
        }

        try
        {
            await running;
        }
        catch (OperationCanceledException) when (lost && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return lost ? null : held;
    }

    private async Task<int> ApplyItemsAsync(string kaartId, CancellationToken cancellationToken, bool cardsOnly = false, string? fresh = null)
    {
        IReadOnlyList<OutboxItem> items = [.. (await outbox.GetItemsAsync(kaartId, cancellationToken)).Where(i => !cardsOnly || i.Effect is OutboxEffect.KaartCard or OutboxEffect.CardUpdate or OutboxEffect.Summary)];
        // In commit order (tokens sort by time), and within a commit in the order of the effects. The card updates of
        // all pending commits are one: the card is rendered from what is stored, so the last one shows every commit, and
        // each card item is removed only after that update succeeded (a burst of clicks becomes one PUT).
        List<OutboxItem> ordered = [.. items.OrderBy(i => i.Token, StringComparer.Ordinal).ThenBy(i => i.Effect)];
        // Likewise the updates of one other card (a burst of dialog steps on the step card): only the newest is shown.
        OutboxItem[] cards = [.. ordered.Where(i => i.Effect == OutboxEffect.KaartCard)];
        ILookup<string?, OutboxItem> updates = ordered.Where(i => i.Effect == OutboxEffect.CardUpdate).ToLookup(i => i.ActivityId, StringComparer.Ordinal);
        // Every effect is safe to apply twice, so the applied items go together, in one request, once all are applied;
        // an effect that fails leaves every item for the sweep.
        List<OutboxItem> applied = [];
        Held held = new();
        foreach (OutboxItem item in ordered.Where(i => i.Effect != OutboxEffect.Summary))
        {
            OutboxItem[] same = item.Effect switch
            {
                OutboxEffect.KaartCard => cards,
                OutboxEffect.CardUpdate => [.. updates[item.ActivityId]],
                _ => [item],
            };
            if (item != same[^1])
            {
                continue;
            }

            await ApplyAsync(kaartId, item, held, item.Token == fresh, cancellationToken);
            applied.AddRange(same);
        }

        // The channel tab's summary, once for all pending commits and after every other effect: any snapshot read in this
        // run was read after all of them. The index effect wrote it already with the thread row; else the card refresh's
        // snapshot gives it; only without either is the kaart read for it.
        OutboxItem[] summaries = [.. ordered.Where(i => i.Effect == OutboxEffect.Summary)];
        if (summaries.Length > 0)
        {
            if (!held.SummaryWritten)
            {
                await store.ApplySummaryAsync(kaartId, held.Snapshot, cancellationToken);
            }

            applied.AddRange(summaries);
        }

        await outbox.CompleteAsync(kaartId, applied, cancellationToken);
        return items.Count;
    }

    private async Task ApplyAsync(string kaartId, OutboxItem item, Held held, bool fresh, CancellationToken cancellationToken)
    {
        switch (item.Effect)
        {
            case OutboxEffect.Indexes:
                await store.ApplyIndexesAsync(kaartId, item.RemovedMembers, cancellationToken);
                held.SummaryWritten = true;   // with the thread row, from the state read after every pending commit
                break;
            case OutboxEffect.Evaluation:
                Kaart? current = await store.GetKaartAsync(kaartId, cancellationToken);
                if (current is { Status: KaartStatus.Actief })
                {
                    await scheduler.ScheduleEvaluationAsync(current, item.BotId, item.DueAt, cancellationToken);
                    if (item.DueAt is not null)
                    {
                        // "Herinner over een week": the evaluation card sent before is no longer waiting (the channel tab).
                        await store.RecordEvaluationSentAsync(current.Location.ThreadId, null, cancellationToken);
                    }
                }
                else if (current is not null)
                {
                    await scheduler.StopAsync(kaartId, cancellationToken);   // closed: no reminder of it is left
                }

                break;
            case OutboxEffect.Retention:
                if (await store.GetKaartAsync(kaartId, cancellationToken) is { Closure: { } closure })
                {
                    await retention.ScheduleAsync(new RetentionEntry(kaartId, closure.RetentionDueAt), cancellationToken);
                }

                break;
            case OutboxEffect.Post:
                try
                {
                    await messages.PostRecordedAsync(kaartId, item.Id, JsonNode.Parse(item.Card ?? "{}")!.AsObject(), cancellationToken, fresh);
                }
                catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    logger.OutboxCardUndeliverable(TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
                }

                break;
            case OutboxEffect.CardUpdate:
                // A kaart's card, or before its first version its dialog's step card.
                if (item.ActivityId is { } activityId && await store.LocateAsync(kaartId, cancellationToken) is { } located)
                {
                    JsonObject card = JsonNode.Parse(item.Card ?? "{}")!.AsObject();
                    await publisher.UpdateCardAsync(kaartId, located.ServiceUrl, located.ThreadId, activityId, card, cancellationToken, retried: true);
                }

                break;
            case OutboxEffect.KaartCard:
                try
                {
                    held.Snapshot = await publisher.RefreshAsync(kaartId, cancellationToken);
                }
                catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    // The bot was removed from the team or the thread is gone: no card can be shown there, ever.
                    logger.OutboxCardUndeliverable(TurnKeyFactory.ForLog(kaartId), (int)ex.StatusCode);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown outbox effect {item.Effect}.");
        }
    }

    private (long Id, TaskCompletionSource Done) Track()
    {
        long id = Interlocked.Increment(ref _ids);
        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[id] = done.Task;
        return (id, done);
    }

    private void Untrack(long id, TaskCompletionSource done)
    {
        _running.TryRemove(id, out _);
        done.SetResult();
    }

    private void Start(string kaartId, Func<CancellationToken, Task> work)
    {
        (long id, TaskCompletionSource done) = Track();
        _ = Task.Run(async () =>
        {
            using System.Diagnostics.Activity? span = StartSpan();
            try
            {
                await RunSerialisedAsync(kaartId, work, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // What is left stays in the outbox; the sweep finishes it.
                logger.OutboxWorkFailed(ex, TurnKeyFactory.ForLog(kaartId), 0);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Untrack(id, done);
            }
        });
    }

    private async Task RunSerialisedAsync(string kaartId, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _stripes[(uint)StringComparer.Ordinal.GetHashCode(kaartId) % _stripes.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await work(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The span of a piece of outbox work: a root of its own (it runs after the answer, often longer than the turn),
    /// linked to the turn it follows. Only this flow's current span changes.
    /// </summary>
    private static System.Diagnostics.Activity? StartSpan()
    {
        System.Diagnostics.Activity? turn = System.Diagnostics.Activity.Current;
        System.Diagnostics.Activity.Current = null;
        return Operations.RegieTelemetry.Source.StartActivity(
            Operations.RegieTelemetry.OutboxSpanName,
            System.Diagnostics.ActivityKind.Internal,
            parentContext: default,
            links: turn is null ? null : [new System.Diagnostics.ActivityLink(turn.Context)]);
    }

    private sealed record PendingUpdate(long Order, Func<CancellationToken, Task> Update);

    /// <summary>What one run of a kaart's outbox already read or wrote, so the channel tab's summary costs no read of its own.</summary>
    private sealed class Held
    {
        public KaartSnapshot? Snapshot { get; set; }

        public bool SummaryWritten { get; set; }
    }

    /// <summary>Sorts by time (so the outbox of a kaart is applied in commit order), unique by its random tail; no dash.</summary>
    private string NewToken() =>
        time.GetUtcNow().UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
}

using System.Globalization;
using System.Runtime.CompilerServices;
using RegieBot.Domain;
using RegieBot.Domain.Confirmations;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Outbox;
using RegieBot.Domain.Privacy;

namespace RegieBot.Testing.Teams.Fakes;

/// <summary>
/// A dictionary-backed <see cref="IKaartStore"/> for unit tests of the handlers: the same ETag rules as the table
/// store (a conditional write with a stale ETag throws <see cref="ConcurrencyConflictException"/>), none of its
/// layout. The integration tests on Azurite stay the proof that storage works; this only makes handlers cheap to test.
/// </summary>
public sealed class InMemoryKaartStore : IKaartStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Kaart> _kaarten = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Kaart>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialogState> _dialogs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KaartSnapshot> _seals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Escalation>> _escalations = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RecordedPost> _posts = [];
    private readonly Dictionary<string, List<PostedMessage>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OutboxItem>> _effects = new(StringComparer.Ordinal);
    private readonly HashSet<OutboxItem> _applied = [];
    private long _etag;

    /// <summary>Every write (method name and kaart), in order: lets a test assert that nothing was stored.</summary>
    public List<string> Writes { get; } = [];

    /// <summary>The outbox items written with the kaart's commits, in order (the relay's part is not played here).</summary>
    public IReadOnlyList<OutboxItem> EffectsOf(string kaartId)
    {
        lock (_gate)
        {
            return [.. _effects.GetValueOrDefault(kaartId) ?? []];
        }
    }

    /// <summary>
    /// A store holding what this one holds now, that changes apart from it (the rows are immutable records; the lists
    /// are copied). Lets a test try a write on a state without changing the state.
    /// </summary>
    public InMemoryKaartStore Clone()
    {
        InMemoryKaartStore copy = new();
        lock (_gate)
        {
            Copy(_kaarten, copy._kaarten);
            Copy(_dialogs, copy._dialogs);
            Copy(_seals, copy._seals);
            Copy(_posts, copy._posts);
            CopyLists(_versions, copy._versions);
            CopyLists(_escalations, copy._escalations);
            CopyLists(_messages, copy._messages);
            CopyLists(_effects, copy._effects);
            copy._applied.UnionWith(_applied);
            copy._etag = _etag;
        }

        return copy;

        static void Copy<TKey, TValue>(Dictionary<TKey, TValue> from, Dictionary<TKey, TValue> to)
            where TKey : notnull
        {
            foreach ((TKey key, TValue value) in from)
            {
                to[key] = value;
            }
        }

        static void CopyLists<TValue>(Dictionary<string, List<TValue>> from, Dictionary<string, List<TValue>> to)
        {
            foreach ((string key, List<TValue> value) in from)
            {
                to[key] = [.. value];
            }
        }
    }

    /// <summary>The outbox items of the kaart's commits that <see cref="CompleteEffects"/> has not yet marked applied (an outbox double's read).</summary>
    public IReadOnlyList<OutboxItem> PendingEffectsOf(string kaartId)
    {
        lock (_gate)
        {
            return [.. (_effects.GetValueOrDefault(kaartId) ?? []).Where(i => !_applied.Contains(i))];
        }
    }

    /// <summary>Marks outbox items applied (an outbox double's completion); <see cref="EffectsOf"/> still lists them.</summary>
    public void CompleteEffects(IEnumerable<OutboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            _applied.UnionWith(items);
        }
    }

    /// <summary>Puts a kaart in place as if it had been saved (version, thread index, empty seal); returns it with its ETag.</summary>
    public Kaart Seed(Kaart kaart)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        lock (_gate)
        {
            Kaart stored = kaart with { ETag = NextETag() };
            _kaarten[kaart.Id] = stored;
            _versions[kaart.Id] = [stored];
            _seals[kaart.Id] = new KaartSnapshot(stored, [], []) { SealETag = NextETag() };
            return stored;
        }
    }

    public Task<DialogState> CreateDialogAsync(DialogState dialog, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        lock (_gate)
        {
            if (_dialogs.ContainsKey(dialog.KaartId))
            {
                throw new ConcurrencyConflictException("The dialog exists.");
            }

            if (ThreadTaken(dialog.Location.ThreadId))
            {
                throw new ConcurrencyConflictException("The thread already has a kaart.");
            }

            Effects(dialog.KaartId).AddRange(effects);
            return Task.FromResult(_dialogs[dialog.KaartId] = Written(nameof(CreateDialogAsync), dialog.KaartId, dialog with { ETag = NextETag() }));
        }
    }

    public Task<DialogState?> GetDialogAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_dialogs.GetValueOrDefault(kaartId));
        }
    }

    public Task<DialogState> SaveDialogAsync(DialogState dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        lock (_gate)
        {
            Check(_dialogs.GetValueOrDefault(dialog.KaartId)?.ETag, dialog.ETag);
            return Task.FromResult(_dialogs[dialog.KaartId] = Written(nameof(SaveDialogAsync), dialog.KaartId, dialog with { ETag = NextETag() }));
        }
    }

    public async Task<DialogState> SaveDialogAsync(DialogState dialog, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        DialogState stored = await SaveDialogAsync(dialog, cancellationToken);
        lock (_gate)
        {
            Effects(dialog.KaartId).AddRange(effects);
        }

        return stored;
    }

    public Task<Kaart?> GetKaartAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_kaarten.GetValueOrDefault(kaartId));
        }
    }

    public Task<Kaart> SaveVersionAsync(Kaart kaart, DialogState? completedDialog, IReadOnlyList<OutboxItem> effects, string commitToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        lock (_gate)
        {
            Check(_kaarten.GetValueOrDefault(kaart.Id)?.ETag, kaart.ETag);
            if (completedDialog is not null)
            {
                Check(_dialogs.GetValueOrDefault(completedDialog.KaartId)?.ETag, completedDialog.ETag);
                _dialogs[completedDialog.KaartId] = completedDialog with { ETag = NextETag() };
            }

            Effects(kaart.Id).AddRange(effects);
            return Task.FromResult(Store(nameof(SaveVersionAsync), kaart));
        }
    }

    public Task<Kaart> UpdateKaartAsync(Kaart kaart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        lock (_gate)
        {
            Check(_kaarten.GetValueOrDefault(kaart.Id)?.ETag, kaart.ETag);
            Kaart stored = Written(nameof(UpdateKaartAsync), kaart.Id, kaart with { ETag = NextETag() });
            _kaarten[kaart.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<IReadOnlyList<Kaart>> GetVersionsAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Kaart>>([.. _versions.GetValueOrDefault(kaartId) ?? []]);
        }
    }

    public async IAsyncEnumerable<Kaart> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Kaart[] active;
        lock (_gate)
        {
            active = [.. _kaarten.Values.Where(k => k.Status != KaartStatus.Afgesloten)];
        }

        foreach (Kaart kaart in active)
        {
            await Task.Yield();
            yield return kaart;
        }
    }

    public Task ApplyIndexesAsync(string kaartId, IReadOnlyList<string> removedMembers, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>No summaries here: the channel tab reads each kaart itself.</summary>
    public Task ApplySummaryAsync(string kaartId, KaartSnapshot? held, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordEvaluationSentAsync(string threadId, DateTimeOffset? sentAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ThreadKaart?> FindByThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThreadKaart? found = _kaarten.Values.Where(k => k.Location.ThreadId == threadId).Select(k => new ThreadKaart(threadId, k.Id, k.Casus, Saved: true)).FirstOrDefault()
                ?? _dialogs.Values.Where(d => d.Location.ThreadId == threadId).OrderBy(d => d.Status == DialogStatus.Cancelled)
                    .Select(d => new ThreadKaart(threadId, d.KaartId, d.Casus, Saved: false)).FirstOrDefault();
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<ThreadKaart>> ListByChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ThreadKaart>>(
                [.. _kaarten.Values.Where(k => k.Location.ChannelId == channelId).Select(k => new ThreadKaart(k.Location.ThreadId, k.Id, k.Casus, Saved: true))]);
        }
    }

    public Task<IReadOnlyList<MemberKaart>> ListByMemberAsync(string aadObjectId, CancellationToken cancellationToken) =>
        List(k => k.Content.Professionals.Any(p => p.AadObjectId == aadObjectId));

    public Task<IReadOnlyList<MemberKaart>> ListByTeamAsync(string teamId, CancellationToken cancellationToken) =>
        List(k => k.Location.TeamId == teamId);

    public Task<KaartSnapshot?> GetSnapshotAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_kaarten.TryGetValue(kaartId, out Kaart? kaart) ? _seals[kaartId] with { Kaart = kaart, Escalations = [.. Escalations(kaartId)] } : null);
        }
    }

    public Task<ConfirmOutcome> ConfirmAsync(KaartSnapshot snapshot, Confirmation confirmation, IReadOnlyList<OutboxItem> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(confirmation);
        lock (_gate)
        {
            KaartSnapshot current = _seals[snapshot.Kaart.Id] with { Kaart = _kaarten[snapshot.Kaart.Id] };
            if (current.Confirmations.Any(c => c.ProfessionalId == confirmation.ProfessionalId && c.RoleFingerprint == confirmation.RoleFingerprint))
            {
                return Task.FromResult(new ConfirmOutcome(current, Recorded: false));
            }

            KaartSnapshot next = current with
            {
                Confirmations = [.. current.Confirmations.Where(c => c.ProfessionalId != confirmation.ProfessionalId), confirmation],
                Revision = current.Revision + 1,
                SealETag = NextETag(),
            };
            _seals[snapshot.Kaart.Id] = Written(nameof(ConfirmAsync), snapshot.Kaart.Id, next);
            Effects(snapshot.Kaart.Id).AddRange(effects);
            return Task.FromResult(new ConfirmOutcome(next, Recorded: true));
        }
    }

    public Task<Kaart?> CommitAsync(KaartCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            Kaart? stored = _kaarten.GetValueOrDefault(commit.KaartId);
            if (commit.Kaart is { } kaart)
            {
                Check(stored?.ETag, kaart.ETag);
                stored = Store(nameof(CommitAsync), kaart);
            }
            else
            {
                Writes.Add(nameof(CommitAsync) + " " + commit.KaartId);
            }

            Effects(commit.KaartId).AddRange(commit.Effects);
            if (commit.Proposal is { } proposal && _seals.TryGetValue(commit.KaartId, out KaartSnapshot? seal))
            {
                _seals[commit.KaartId] = seal with { Proposals = [.. seal.Proposals, proposal], Revision = seal.Revision + 1, SealETag = NextETag() };
            }

            if (commit.Escalation is { } escalation)
            {
                Escalations(commit.KaartId).Add(escalation);
            }

            if (commit.ConfirmationRequest is { } asked && _seals.TryGetValue(commit.KaartId, out KaartSnapshot? current))
            {
                Check(current.ConfirmationRequest?.ETag, asked.ETag);
                _seals[commit.KaartId] = current with { ConfirmationRequest = asked with { ETag = NextETag() } };
            }

            return Task.FromResult(stored);
        }
    }

    public Task<RecordedPost?> GetPostAsync(string kaartId, string postId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_posts.GetValueOrDefault((kaartId, postId)));
        }
    }

    public Task<KaartLocation?> LocateAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_kaarten.GetValueOrDefault(kaartId)?.Location ?? _dialogs.GetValueOrDefault(kaartId)?.Location);
        }
    }

    public Task<RecordedPost> BeginPostAsync(string kaartId, string postId, string conversationId, bool isCard, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            RecordedPost post = _posts.GetValueOrDefault((kaartId, postId)) ?? new RecordedPost(kaartId, postId, conversationId, null, NextETag()) { IsCard = isCard };
            return Task.FromResult(_posts[(kaartId, postId)] = Written(nameof(BeginPostAsync), kaartId, post));
        }
    }

    public Task<bool> CompletePostAsync(RecordedPost post, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        lock (_gate)
        {
            if (_posts.GetValueOrDefault((post.KaartId, post.PostId))?.ETag != post.ETag)
            {
                return Task.FromResult(false);
            }

            _posts[(post.KaartId, post.PostId)] = Written(nameof(CompletePostAsync), post.KaartId, post with { ActivityId = activityId, ETag = NextETag() });
            return Task.FromResult(true);
        }
    }

    public Task AbandonPostAsync(RecordedPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        lock (_gate)
        {
            _posts.Remove((post.KaartId, post.PostId));
            Writes.Add(nameof(AbandonPostAsync) + " " + post.KaartId);
            return Task.CompletedTask;
        }
    }

    public Task RecordPostedMessageAsync(string kaartId, PostedMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Messages(kaartId).Add(Written(nameof(RecordPostedMessageAsync), kaartId, message));
            return Task.CompletedTask;
        }
    }

    public Task RecordReplacedMessagesAsync(string kaartId, IReadOnlyCollection<PostedMessage> messages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Messages(kaartId).AddRange(messages);
            Writes.Add(nameof(RecordReplacedMessagesAsync) + " " + kaartId);
            return Task.CompletedTask;
        }
    }

    public Task<CasusFootprint?> GetFootprintAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Kaart? kaart = _kaarten.GetValueOrDefault(kaartId);
            CasusFootprint? footprint = kaart is null ? null : new CasusFootprint(kaartId)
            {
                ThreadId = kaart.Location.ThreadId,
                ServiceUrl = kaart.Location.ServiceUrl,
                TeamId = kaart.Location.TeamId,
                MemberAadObjectIds = [.. kaart.Content.Professionals.Select(p => p.AadObjectId).OfType<string>()],
                Messages =
                [
                    .. _messages.GetValueOrDefault(kaartId) ?? [],
                    .. _posts.Values.Where(p => p.KaartId == kaartId && p.ActivityId is not null).Select(p => new PostedMessage(p.ConversationId, p.ActivityId!, p.IsCard)),
                ],
            };
            return Task.FromResult(footprint);
        }
    }

    public Task AddEscalationAsync(string kaartId, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Escalations(kaartId).Add(Written(nameof(AddEscalationAsync), kaartId, new Escalation(by, reason, at)));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<Escalation>> GetEscalationsAsync(string kaartId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Escalation>>([.. _escalations.GetValueOrDefault(kaartId) ?? []]);
        }
    }

    private Task<IReadOnlyList<MemberKaart>> List(Func<Kaart, bool> predicate)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MemberKaart>>(
                [.. _kaarten.Values.Where(predicate).Select(k => new MemberKaart(k.Id, k.Casus, k.Content.Evaluatiedatum, k.Status, k.Location.ThreadId))]);
        }
    }

    private Kaart Store(string write, Kaart kaart)
    {
        Kaart stored = Written(write, kaart.Id, kaart with { ETag = NextETag() });
        _kaarten[kaart.Id] = stored;
        if (!_versions.TryGetValue(kaart.Id, out List<Kaart>? versions))
        {
            _versions[kaart.Id] = versions = [];
            _seals[kaart.Id] = new KaartSnapshot(stored, [], []) { SealETag = NextETag() };
        }

        versions.Add(stored);
        return stored;
    }

    /// <summary>
    /// As the table store's thread claim: a thread holds one casus, a saved kaart or a dialog still going; a new kaart
    /// cancelled before its first version leaves the thread free for the next start.
    /// </summary>
    private bool ThreadTaken(string threadId) =>
        _kaarten.Values.Any(k => k.Location.ThreadId == threadId)
        || _dialogs.Values.Any(d => d.Location.ThreadId == threadId && d.Status != DialogStatus.Cancelled);

    private List<Escalation> Escalations(string kaartId) =>
        _escalations.TryGetValue(kaartId, out List<Escalation>? list) ? list : _escalations[kaartId] = [];

    private List<OutboxItem> Effects(string kaartId) =>
        _effects.TryGetValue(kaartId, out List<OutboxItem>? list) ? list : _effects[kaartId] = [];

    private List<PostedMessage> Messages(string kaartId) =>
        _messages.TryGetValue(kaartId, out List<PostedMessage>? list) ? list : _messages[kaartId] = [];

    private T Written<T>(string write, string kaartId, T value)
    {
        Writes.Add(write + " " + kaartId);
        return value;
    }

    /// <summary>Null stored and null given is an insert; anything else must match the stored ETag exactly.</summary>
    private static void Check(string? stored, string? given)
    {
        if (!string.Equals(stored, given, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(stored is null ? "The row does not exist." : "The ETag is stale.");
        }
    }

    private string NextETag() => "W/\"" + (++_etag).ToString(CultureInfo.InvariantCulture) + "\"";
}

using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Privacy;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>Recorded posts, posted and replaced messages, escalations and the footprint of a casus.</summary>
public sealed partial class TableKaartStore : ICasusRecordStore
{
    public async Task<KaartLocation?> LocateAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and (RowKey eq {KaartRow} or RowKey eq {DialogRow})");
        KaartLocation? dialog = null;
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == KaartRow)
            {
                return TypedRow.Read<KaartEntity>(entity).Location;
            }

            dialog = TypedRow.Read<DialogEntity>(entity).Location;
        }

        return dialog;
    }

    public async Task<RecordedPost?> GetPostAsync(string kaartId, string postId, CancellationToken cancellationToken)
    {
        PostedMessageEntity? entity = await GetAsync<PostedMessageEntity>(Kaarten, kaartId, PostRow(postId), cancellationToken);
        return entity is null ? null : ToPost(kaartId, postId, entity);
    }

    public async Task<RecordedPost> BeginPostAsync(string kaartId, string postId, string conversationId, bool isCard, CancellationToken cancellationToken)
    {
        PostedMessageEntity entity = PostedMessageEntity.From(kaartId, PostRow(postId), conversationId, activityId: null, isCard);
        Response response = await Kaarten.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return new RecordedPost(kaartId, postId, conversationId, null, response.Headers.ETag?.ToString()) { IsCard = isCard };
    }

    public async Task<bool> CompletePostAsync(RecordedPost post, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        PostedMessageEntity entity = PostedMessageEntity.From(post.KaartId, PostRow(post.PostId), post.ConversationId, activityId, post.IsCard);
        try
        {
            await Kaarten.UpdateEntityAsync(entity, post.ETag is null ? ETag.All : new ETag(post.ETag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
        {
            // Erased meanwhile (a 412: erased and begun again by a repeat of this post, which completes it itself).
            return ex.Status == (int)HttpStatusCode.PreconditionFailed && await GetPostAsync(post.KaartId, post.PostId, cancellationToken) is not null;
        }
    }

    public Task AbandonPostAsync(RecordedPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return TableErase.DeleteAsync(Kaarten, TableKey.Encode(post.KaartId), PostRow(post.PostId), post.ETag is null ? ETag.All : new ETag(post.ETag), cancellationToken);
    }

    private static RecordedPost ToPost(string kaartId, string postId, PostedMessageEntity entity) => new(
        kaartId,
        postId,
        entity.ConversationId ?? string.Empty,
        entity.ActivityId is { Length: > 0 } id ? id : null,
        entity.ETag.ToString()) { IsCard = entity.IsCard ?? true };

    public async Task RecordPostedMessageAsync(string kaartId, PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        PostedMessageEntity entity = PostedMessageEntity.From(kaartId, MessagePrefix + MessageHash(message), message.ConversationId, message.ActivityId, message.IsCard);
        await Kaarten.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RecordReplacedMessagesAsync(string kaartId, IReadOnlyCollection<PostedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string pk = TableKey.Encode(kaartId);
        foreach (PostedMessage[] chunk in messages.DistinctBy(MessageHash).Chunk(100))
        {
            await Kaarten.SubmitTransactionAsync(
                [.. chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(pk, ReplacedPrefix + MessageHash(m))))],
                cancellationToken);
        }
    }

    public async Task AddEscalationAsync(string kaartId, string by, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        await Kaarten.UpsertEntityAsync(EscalationEntity.From(TableKey.Encode(kaartId), new Escalation(by, reason, at)), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<Escalation>> GetEscalationsAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {EscalationPrefix} and RowKey lt {"o."}");
        List<Escalation> escalations = [];
        await foreach (EscalationEntity entity in Kaarten.QueryAsync<EscalationEntity>(filter, cancellationToken: cancellationToken))
        {
            escalations.Add(entity.ToEscalation());
        }

        return escalations;
    }

    public async Task<CasusFootprint?> GetFootprintAsync(string kaartId, CancellationToken cancellationToken)
    {
        string pk = TableKey.Encode(kaartId);
        string? threadId = null;
        string? serviceUrl = null;
        string? teamId = null;
        DateTimeOffset? retentionDueAt = null;
        HashSet<string> members = new(StringComparer.Ordinal);
        List<PostedMessage> messages = [];
        HashSet<string> replaced = new(StringComparer.Ordinal);
        bool any = false;
        await foreach (TableEntity entity in Kaarten.QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            any = true;
            if (entity.RowKey is KaartRow or DialogRow || entity.RowKey.StartsWith('v'))
            {
                KaartLocatedEntity row = entity.RowKey == DialogRow ? TypedRow.Read<DialogEntity>(entity) : TypedRow.Read<KaartEntity>(entity);
                KaartLocation location = row.Location;
                threadId ??= location.ThreadId.Length > 0 ? location.ThreadId : null;
                serviceUrl ??= location.ServiceUrl.Length > 0 ? location.ServiceUrl : null;
                teamId ??= location.TeamId is { Length: > 0 } ? location.TeamId : null;
                KaartContent content = KaartLocatedEntity.ReadContent(entity, row);
                members.UnionWith(content.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!));
                if (row.CardActivityId is { Length: > 0 } cardId && location.ThreadId.Length > 0)
                {
                    messages.Add(new PostedMessage(location.ThreadId, cardId, IsCard: true));
                }

                if (entity.RowKey == KaartRow && row is KaartEntity kaart)
                {
                    retentionDueAt = kaart.Closure?.RetentionDueAt;
                }
            }
            else if (entity.RowKey.StartsWith(MessagePrefix, StringComparison.Ordinal))
            {
                PostedMessageEntity message = TypedRow.Read<PostedMessageEntity>(entity);
                messages.Add(new PostedMessage(message.ConversationId ?? string.Empty, message.ActivityId ?? string.Empty, message.IsCard ?? true));
            }
            else if (entity.RowKey.StartsWith(ReplacedPrefix, StringComparison.Ordinal))
            {
                replaced.Add(entity.RowKey[ReplacedPrefix.Length..]);
            }
        }

        return any
            ? new CasusFootprint(kaartId)
            {
                ThreadId = threadId,
                ServiceUrl = serviceUrl,
                TeamId = teamId,
                MemberAadObjectIds = [.. members.Order(StringComparer.Ordinal)],
                Messages = [.. messages.Where(m => m.ConversationId.Length > 0 && m.ActivityId.Length > 0 && !replaced.Contains(MessageHash(m))).DistinctBy(m => (m.ConversationId, m.ActivityId))],
                RetentionDueAt = retentionDueAt,
            }
            : null;
    }
}

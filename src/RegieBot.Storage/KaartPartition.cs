using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// The layout of the <c>Kaarten</c> table, in one place: one partition per kaart (its encoded id) holds the current
/// row, the dialog, the versions, the seal, confirmations, proposals, messages, replaced messages, escalations and the
/// outbox items. Every store of the kaart's rows builds its keys here, so a range query and the rows it should find
/// cannot drift apart. Changing anything here changes stored data: existing rows must still read.
/// </summary>
internal static class KaartPartition
{
    internal const string KaartRow = "kaart";
    internal const string SealRow = "c";   // sorts before the confirmations' range ["c-", "c.")
    internal const string DialogRow = "dialog";
    internal const string Content = "Content";
    internal const string ConfirmationPrefix = "c-";
    internal const string ProposalPrefix = "w-";
    internal const string MessagePrefix = "m-";
    internal const string EscalationPrefix = "o-";
    internal const string ReplacedPrefix = "r-";
    /// <summary>The channel tab's last "Vraag om bevestiging" (its moment): the only row the tab writes.</summary>
    internal const string ConfirmationRequestRow = "tab";
    internal const string RequestedAtColumn = "RequestedAt";
    /// <summary>The column in which the kaart, proposal and escalation rows keep the operation that wrote them.</summary>
    internal const string CommitTokenColumn = nameof(KaartEntity.CommitToken);

    internal static string VersionRow(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>A recorded post's row: among the message rows, so erasure finds it like any other message.</summary>
    internal static string PostRow(string postId) => MessagePrefix + "p" + TableKey.Hash("post\n" + postId)[..31];

    internal static string MessageHash(PostedMessage message) => TableKey.Hash(message.ConversationId + "\n" + message.ActivityId)[..32];

    /// <summary>
    /// Changes the seal's ETag (creating it when missing) without raising its revision: a confirmation written against
    /// a snapshot read before this write then fails and reads again, so it never shows an older kaart or misses a proposal.
    /// </summary>
    internal static TableTransactionAction TouchSeal(string partitionKey) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(partitionKey, SealRow));

    internal static Task<TableEntity?> GetAsync(TableClient table, string partition, string row, CancellationToken cancellationToken) =>
        GetAsync<TableEntity>(table, partition, row, cancellationToken);

    /// <param name="select">Only these columns (null: all of them).</param>
    internal static async Task<T?> GetAsync<T>(TableClient table, string partition, string row, CancellationToken cancellationToken, IEnumerable<string>? select = null)
        where T : class, ITableEntity
    {
        NullableResponse<T> response = await table.GetEntityIfExistsAsync<T>(
            TableKey.Encode(partition), TableKey.Encode(row), select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}

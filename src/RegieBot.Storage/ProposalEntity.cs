using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Confirmations;

namespace RegieBot.Storage;

/// <summary>A proposal to change the kaart (<c>w-</c> and the encoded proposal id, in the kaart's partition).</summary>
public sealed class ProposalEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? ProposedBy { get; set; }
    public string? ProfessionalId { get; set; }
    public string? Text { get; set; }
    public DateTimeOffset? At { get; set; }

    /// <summary>The operation that wrote it, so a lost response is recognised.</summary>
    public string? CommitToken { get; set; }

    internal static TableEntity ToTableEntity(string partitionKey, ChangeProposal proposal, string commitToken) => TypedRow.ToTableEntity(new ProposalEntity
    {
        PartitionKey = partitionKey,
        RowKey = KaartPartition.ProposalPrefix + TableKey.Encode(proposal.Id),
        ProposedBy = proposal.ProposedBy,
        ProfessionalId = proposal.ProfessionalId,
        Text = proposal.Text,
        At = proposal.At,
        CommitToken = commitToken,
    });

    internal static ChangeProposal ToProposal(TableEntity stored)
    {
        ProposalEntity entity = TypedRow.Read<ProposalEntity>(stored);
        return new ChangeProposal(
            entity.RowKey[KaartPartition.ProposalPrefix.Length..],
            entity.ProposedBy ?? string.Empty,
            entity.ProfessionalId,
            entity.Text ?? string.Empty,
            entity.At ?? default);
    }
}

using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Confirmations;

namespace RegieBot.Storage;

/// <summary>A confirmation of a role (<c>c-</c> and the encoded professional id, in the kaart's partition).</summary>
public sealed class ConfirmationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? ProfessionalId { get; set; }
    public string? AadObjectId { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? RoleFingerprint { get; set; }

    internal static TableEntity ToTableEntity(string partitionKey, Confirmation confirmation) => TypedRow.ToTableEntity(new ConfirmationEntity
    {
        PartitionKey = partitionKey,
        RowKey = KaartPartition.ConfirmationPrefix + TableKey.Encode(confirmation.ProfessionalId),
        ProfessionalId = confirmation.ProfessionalId,
        AadObjectId = confirmation.AadObjectId,
        ConfirmedAt = confirmation.ConfirmedAt,
        RoleFingerprint = confirmation.RoleFingerprint,
    });

    internal static Confirmation ToConfirmation(TableEntity stored)
    {
        ConfirmationEntity entity = TypedRow.Read<ConfirmationEntity>(stored);
        return new Confirmation(entity.ProfessionalId ?? string.Empty, entity.AadObjectId ?? string.Empty, entity.ConfirmedAt ?? default, entity.RoleFingerprint ?? string.Empty)
        {
            ETag = entity.ETag.ToString(),
        };
    }
}

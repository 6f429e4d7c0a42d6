using Azure.Data.Tables;
using RegieBot.Domain.Dialogs;

namespace RegieBot.Storage;

/// <summary>The <c>dialog</c> row: the form being filled in, its draft in the JSON columns <c>Draft0</c>, … beside these.</summary>
public sealed class DialogEntity : KaartLocatedEntity
{
    internal const string DraftColumn = "Draft";

    public string? Step { get; set; }
    public int? Revision { get; set; }
    public bool? IsUpdate { get; set; }
    public int? BaseVersion { get; set; }
    public string? LastEditedBy { get; set; }

    internal override string ContentColumn => DraftColumn;

    internal static TableEntity ToTableEntity(DialogState dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        DialogEntity entity = new()
        {
            PartitionKey = TableKey.Encode(dialog.KaartId),
            RowKey = KaartPartition.DialogRow,
            Casus = dialog.Casus,
            Step = dialog.Step.ToString(),
            Revision = dialog.Revision,
            Status = dialog.Status.ToString(),
            IsUpdate = dialog.IsUpdate,
            BaseVersion = dialog.BaseVersion,
            CardActivityId = dialog.CardActivityId,
            LastEditedBy = dialog.LastEditedBy,
            UpdatedAt = dialog.UpdatedAt,
            Location = dialog.Location,
        };
        return entity.ToTableEntity(dialog.Draft);
    }

    internal static DialogState ToDialog(TableEntity stored)
    {
        DialogEntity entity = TypedRow.Read<DialogEntity>(stored);
        return new DialogState
        {
            KaartId = TableKey.Decode(entity.PartitionKey),
            Casus = entity.Casus ?? string.Empty,
            Location = entity.Location,
            Step = Enum.Parse<DialogStep>(entity.Step ?? nameof(DialogStep.Moment)),
            Revision = entity.Revision ?? 0,
            Status = Enum.Parse<DialogStatus>(entity.Status ?? nameof(DialogStatus.Open)),
            IsUpdate = entity.IsUpdate ?? false,
            BaseVersion = entity.BaseVersion ?? 0,
            CardActivityId = entity.CardActivityId,
            LastEditedBy = entity.LastEditedBy,
            UpdatedAt = entity.UpdatedAt ?? default,
            Draft = ReadContent(stored, entity),
            ETag = entity.ETag.ToString(),
        };
    }
}

using System.Globalization;
using Azure.Data.Tables;
using RegieBot.Domain.Dialog;
using RegieBot.Domain.Kaarten;
using static RegieBot.Storage.KaartPartition;

namespace RegieBot.Storage;

/// <summary>The columns of the <c>kaart</c>, version and <c>dialog</c> rows, and how a kaart and a dialog map onto them.</summary>
internal static class KaartRows
{
    internal static TableEntity ToEntity(Kaart kaart, string row)
    {
        TableEntity entity = new(TableKey.Encode(kaart.Id), row)
        {
            ["Casus"] = kaart.Casus,
            ["Version"] = kaart.Version,
            ["Status"] = kaart.Status.ToString(),
            ["CardActivityId"] = kaart.CardActivityId,
            ["CreatedAt"] = kaart.CreatedAt,
            ["UpdatedAt"] = kaart.UpdatedAt,
            ["UpdatedBy"] = kaart.UpdatedBy,
            ["Evaluatiedatum"] = FormatDate(kaart.Content.Evaluatiedatum),
        };
        WriteLocation(entity, kaart.Location);
        if (kaart.Closure is { } closure)
        {
            entity["Criterium"] = closure.Criterium.ToString();
            entity["OvergedragenAan"] = closure.OvergedragenAan;
            entity["ClosedAt"] = closure.ClosedAt;
            entity["ClosedBy"] = closure.ClosedBy;
            entity["RetentionDueAt"] = closure.RetentionDueAt;
        }

        JsonColumns.Write(entity, Content, kaart.Content, StorageJsonContext.Default.KaartContent);
        return entity;
    }

    internal static KaartClosure? ReadClosure(TableEntity entity) =>
        entity.GetString("Criterium") is { } criterium
            ? new KaartClosure(
                Enum.Parse<AfschaalCriterium>(criterium),
                entity.GetString("OvergedragenAan"),
                entity.GetDateTimeOffset("ClosedAt") ?? default,
                entity.GetString("ClosedBy") ?? string.Empty,
                entity.GetDateTimeOffset("RetentionDueAt") ?? default)
            : null;

    internal static Kaart ToKaart(TableEntity entity) => new()
    {
        Id = TableKey.Decode(entity.PartitionKey),
        Casus = entity.GetString("Casus") ?? string.Empty,
        Location = ReadLocation(entity),
        Content = JsonColumns.Read(entity, Content, StorageJsonContext.Default.KaartContent),
        Version = entity.GetInt32("Version") ?? 1,
        Status = Enum.Parse<KaartStatus>(entity.GetString("Status") ?? nameof(KaartStatus.Actief)),
        Closure = ReadClosure(entity),
        CardActivityId = entity.GetString("CardActivityId"),
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        UpdatedBy = entity.GetString("UpdatedBy"),
        ETag = entity.ETag.ToString(),
    };

    internal static TableEntity ToEntity(DialogState dialog)
    {
        TableEntity entity = new(TableKey.Encode(dialog.KaartId), DialogRow)
        {
            ["Casus"] = dialog.Casus,
            ["Step"] = dialog.Step.ToString(),
            ["Revision"] = dialog.Revision,
            ["Status"] = dialog.Status.ToString(),
            ["IsUpdate"] = dialog.IsUpdate,
            ["BaseVersion"] = dialog.BaseVersion,
            ["CardActivityId"] = dialog.CardActivityId,
            ["LastEditedBy"] = dialog.LastEditedBy,
            ["UpdatedAt"] = dialog.UpdatedAt,
        };
        WriteLocation(entity, dialog.Location);
        JsonColumns.Write(entity, "Draft", dialog.Draft, StorageJsonContext.Default.KaartContent);
        return entity;
    }

    internal static DialogState ToDialog(TableEntity entity) => new()
    {
        KaartId = TableKey.Decode(entity.PartitionKey),
        Casus = entity.GetString("Casus") ?? string.Empty,
        Location = ReadLocation(entity),
        Step = Enum.Parse<DialogStep>(entity.GetString("Step") ?? nameof(DialogStep.Moment)),
        Revision = entity.GetInt32("Revision") ?? 0,
        Status = Enum.Parse<DialogStatus>(entity.GetString("Status") ?? nameof(DialogStatus.Open)),
        IsUpdate = entity.GetBoolean("IsUpdate") ?? false,
        BaseVersion = entity.GetInt32("BaseVersion") ?? 0,
        CardActivityId = entity.GetString("CardActivityId"),
        LastEditedBy = entity.GetString("LastEditedBy"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? default,
        Draft = JsonColumns.Read(entity, "Draft", StorageJsonContext.Default.KaartContent),
        ETag = entity.ETag.ToString(),
    };

    internal static void WriteLocation(TableEntity entity, KaartLocation location)
    {
        entity["ThreadId"] = location.ThreadId;
        entity["ChannelId"] = location.ChannelId;
        entity["TeamId"] = location.TeamId;
        entity["TenantId"] = location.TenantId;
        entity["ServiceUrl"] = location.ServiceUrl;
    }

    internal static KaartLocation ReadLocation(TableEntity entity) => new(
        entity.GetString("ThreadId") ?? string.Empty,
        entity.GetString("ChannelId") ?? string.Empty,
        entity.GetString("TeamId"),
        entity.GetString("TenantId"),
        entity.GetString("ServiceUrl") ?? string.Empty);

    internal static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date) ? date : null;
}

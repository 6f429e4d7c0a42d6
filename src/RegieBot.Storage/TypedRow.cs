using System.Collections.Concurrent;
using System.Reflection;
using Azure.Data.Tables;

namespace RegieBot.Storage;

/// <summary>
/// Maps a typed row of the <c>Kaarten</c> or <c>Work</c> table onto the <see cref="TableEntity"/> that goes over the
/// wire, and back. The typed classes name every column once, as a property, so a misspelt column does not compile;
/// the wire stays a <see cref="TableEntity"/> because a kaart row carries its content in a varying number of JSON
/// columns (<see cref="JsonColumns"/>) and one query of a kaart's partition returns rows of several kinds. A value is
/// written and read exactly as the untyped rows always were: the same names, the same table types.
/// </summary>
internal static class TypedRow
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Columns = new();

    /// <summary>The row as the table stores it; a column without a value is left out, as the table does itself.</summary>
    internal static TableEntity ToTableEntity(ITableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        TableEntity entity = new(row.PartitionKey, row.RowKey) { ETag = row.ETag };
        foreach (PropertyInfo column in ColumnsOf(row.GetType()))
        {
            if (column.GetValue(row) is { } value)
            {
                entity[column.Name] = value;
            }
        }

        return entity;
    }

    /// <summary>The typed row of a stored entity; a column the entity lacks keeps its default (null).</summary>
    internal static T Read<T>(TableEntity entity)
        where T : ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(entity);
        T row = new() { PartitionKey = entity.PartitionKey, RowKey = entity.RowKey, Timestamp = entity.Timestamp, ETag = entity.ETag };
        foreach (PropertyInfo column in ColumnsOf(typeof(T)))
        {
            column.SetValue(row, ReadColumn(entity, column));
        }

        return row;
    }

    private static object? ReadColumn(TableEntity entity, PropertyInfo column) => column.PropertyType switch
    {
        Type t when t == typeof(string) => entity.GetString(column.Name),
        Type t when t == typeof(int?) => entity.GetInt32(column.Name),
        Type t when t == typeof(long?) => entity.GetInt64(column.Name),
        Type t when t == typeof(bool?) => entity.GetBoolean(column.Name),
        Type t when t == typeof(DateTimeOffset?) => entity.GetDateTimeOffset(column.Name),
        Type t => throw new NotSupportedException($"Column {column.Name} of {column.DeclaringType?.Name} has type {t.Name}: a typed row holds strings, nullable numbers, booleans and moments."),
    };

    private static PropertyInfo[] ColumnsOf(Type type) => Columns.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))]);
}

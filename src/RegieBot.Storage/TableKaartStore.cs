using Azure;
using Azure.Data.Tables;
using RegieBot.Domain.Kaarten;

namespace RegieBot.Storage;

/// <summary>
/// Kaarten in Table Storage. One partition per kaart holds its current row (<c>kaart</c>), its dialog
/// (<c>dialog</c>) and its versions (<c>v000001</c>, …), so a version is saved in one transaction.
/// <c>Threads</c> maps channel threads to kaarten (partition: the channel); <c>MemberIndex</c> maps linked
/// professionals to their kaarten (partition: the Entra object id). The kaart partition also holds the
/// confirmations (<c>c-…</c>), proposals (<c>w-…</c>) and the bot's messages that show the casus (<c>m-…</c>);
/// the close record is part of the <c>kaart</c> row. Erasing a casus removes all of it.
/// The seal row (<c>c</c>) guards what <see cref="GetSnapshotAsync"/> reads: every write to the kaart row, a
/// confirmation or a proposal writes it in the same transaction, so a write conditional on the seal's ETag succeeds
/// only while a snapshot is current. Its <c>Revision</c> goes up by one with each confirmation.
/// </summary>
/// <remarks>One class over <see cref="KaartPartition"/>, in a file per store it implements.</remarks>
public sealed partial class TableKaartStore(RegieTables tables, TimeProvider time) : IKaartStore
{
    private TableClient Kaarten => tables.Get(RegieTables.Kaarten);

    private TableClient Threads => tables.Get(RegieTables.Threads);

    private TableClient Members => tables.Get(RegieTables.MemberIndex);

    private TableClient Teams => tables.Get(RegieTables.TeamIndex);
}

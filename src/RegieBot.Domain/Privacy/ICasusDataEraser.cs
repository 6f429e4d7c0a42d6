namespace RegieBot.Domain.Privacy;

/// <summary>
/// Deletes what one store holds of a casus. Every store that can hold casus data registers one (AVG:
/// <c>verwijderen</c> and the retention job erase through all of them); a test checks that together they
/// cover every table. Erasing must be idempotent: an erasure may be repeated after a failure, or run twice at once.
/// </summary>
public interface ICasusDataEraser
{
    /// <summary>The tables (storage areas) this eraser cleans.</summary>
    IReadOnlyList<string> Tables { get; }

    EraseStage Stage { get; }

    /// <summary>Deletes everything of the casus in <see cref="Tables"/>. Returns how many records it deleted.</summary>
    Task<int> EraseAsync(CasusFootprint casus, CancellationToken cancellationToken);
}

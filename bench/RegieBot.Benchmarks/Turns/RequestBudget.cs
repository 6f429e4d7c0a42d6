namespace RegieBot.Benchmarks.Turns;

/// <summary>
/// The storage requests each kind of turn may make, request path and relay together, one dialog at a time: the numbers
/// <c>docs/benchmarks.md</c> states. A run that exceeds one fails (also in <c>--quick</c>, which CI runs), so a change
/// that adds requests has to say so there. The relay's work is counted for the turn whose relay run did it, which
/// mixes neighbours a little; each budget leaves half a request for that.
/// </summary>
internal static class RequestBudget
{
    public static IReadOnlyDictionary<string, double> PerTurn { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["message: start"] = 14,
        ["invoke: next step"] = 9,
        ["invoke: add professional"] = 6,
        ["invoke: save (kaart posted)"] = 22,
        ["invoke: confirm role"] = 7,
    };

    /// <summary>All requests of one 14-turn dialog.</summary>
    public const double Dialog = 95;

    /// <summary>Writes each budget exceeded; returns how many were.</summary>
    public static int Check(IReadOnlyDictionary<string, double> totals, double dialog, Action<string> line)
    {
        int over = 0;
        foreach ((string kind, double total) in totals)
        {
            if (PerTurn.TryGetValue(kind, out double budget) && total > budget)
            {
                line($"**Over budget**: {kind} made {total:0.00} storage requests per turn, more than the {budget:0.#} documented.");
                over++;
            }
        }

        if (dialog > Dialog)
        {
            line($"**Over budget**: one dialog made {dialog:0} storage requests, more than the {Dialog:0} documented.");
            over++;
        }

        return over;
    }
}

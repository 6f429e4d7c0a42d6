using System.Globalization;

namespace RegieBot.Domain.Kaarten;

/// <summary>What changed between two versions of a kaart, per section of the form, in Dutch.</summary>
public static class KaartDiff
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IReadOnlyList<string> Describe(KaartContent before, KaartContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        List<string> changes = [];

        Dictionary<string, Professional> old = before.Professionals.ToDictionary(p => p.Id);
        Dictionary<string, Professional> now = after.Professionals.ToDictionary(p => p.Id);
        List<string> professionals = [];
        professionals.AddRange(now.Values.Where(p => !old.ContainsKey(p.Id)).Select(p => $"{p.Naam} toegevoegd"));
        professionals.AddRange(old.Values.Where(p => !now.ContainsKey(p.Id)).Select(p => $"{p.Naam} verwijderd"));
        professionals.AddRange(now.Values.Where(p => old.TryGetValue(p.Id, out Professional? o) && o != p).Select(p => $"gegevens van {p.Naam} gewijzigd"));
        Add(changes, "Betrokken professionals", professionals);

        Add(changes, "1. Afspraken over regievoeren", Agreements(before.Regievoeren, after.Regievoeren));
        Add(changes, "2. Afspraken over de onderlinge afstemming", Agreements(before.Afstemming, after.Afstemming));

        if (before.AanspreekpuntId != after.AanspreekpuntId || before.Aanspreekpunt?.Naam != after.Aanspreekpunt?.Naam)
        {
            changes.Add($"3. Vast aanspreekpunt: {before.Aanspreekpunt?.Naam ?? "–"} → {after.Aanspreekpunt?.Naam ?? "–"}");
        }

        if (before.BewakerId != after.BewakerId || before.Bewaker?.Naam != after.Bewaker?.Naam)
        {
            changes.Add($"4. Zicht op naleving: {before.Bewaker?.Naam ?? "–"} → {after.Bewaker?.Naam ?? "–"}");
        }

        if (before.Datum != after.Datum)
        {
            changes.Add($"Datum: {Format(before.Datum)} → {Format(after.Datum)}");
        }

        if (before.Evaluatiedatum != after.Evaluatiedatum)
        {
            changes.Add($"Evaluatiedatum: {Format(before.Evaluatiedatum)} → {Format(after.Evaluatiedatum)}");
        }

        if (before.BesprokenMetClient != after.BesprokenMetClient)
        {
            changes.Add(after.BesprokenMetClient ? "Nu besproken met de cliënt" : "Niet meer als besproken met de cliënt aangemerkt");
        }

        if (before.Moment != after.Moment && after.Moment != Moment.None)
        {
            changes.Add("Aanleiding: " + Moments.Text[after.Moment]);
        }

        return changes;
    }

    private static List<string> Agreements(IReadOnlyList<Agreement> before, IReadOnlyList<Agreement> after)
    {
        HashSet<string> oldTexts = [.. before.Select(a => a.Text)];
        HashSet<string> newTexts = [.. after.Select(a => a.Text)];
        int added = newTexts.Count(t => !oldTexts.Contains(t));
        int removed = oldTexts.Count(t => !newTexts.Contains(t));
        int changed = Math.Min(added, removed);
        List<string> parts = [];
        if (changed > 0)
        {
            parts.Add($"{changed} gewijzigd");
        }

        if (added - changed > 0)
        {
            parts.Add($"{added - changed} toegevoegd");
        }

        if (removed - changed > 0)
        {
            parts.Add($"{removed - changed} verwijderd");
        }

        return parts;
    }

    private static void Add(List<string> changes, string section, List<string> parts)
    {
        if (parts.Count > 0)
        {
            changes.Add($"{section}: {string.Join(", ", parts)}");
        }
    }

    private static string Format(DateOnly? date) => date?.ToString("d MMMM yyyy", Dutch) ?? "–";
}

namespace RegieBot.Domain.Kaarten;

/// <summary>
/// What changed between two versions of a kaart, in Dutch: per section of the form, by its title on the form, with
/// the change itself (old → new), long texts shortened.
/// </summary>
public static class KaartDiff
{
    /// <summary>How much of a changed text the history shows.</summary>
    public const int MaxTextLength = 80;

    public static IReadOnlyList<string> Describe(KaartContent before, KaartContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        List<string> changes = [];

        Dictionary<string, Professional> old = before.Professionals.ToDictionary(p => p.Id);
        Dictionary<string, Professional> now = after.Professionals.ToDictionary(p => p.Id);
        string professionals = Section(Hulpvragen.BetrokkenProfessionals);
        changes.AddRange(now.Values.Where(p => !old.ContainsKey(p.Id)).Select(p => $"{professionals}: {Shorten(p.Naam)} toegevoegd"));
        changes.AddRange(old.Values.Where(p => !now.ContainsKey(p.Id)).Select(p => $"{professionals}: {Shorten(p.Naam)} verwijderd"));
        foreach (Professional p in now.Values.Where(p => old.TryGetValue(p.Id, out Professional? o) && o != p))
        {
            Professional o = old[p.Id];
            List<string> details = [];
            AddChange(details, Section(Hulpvragen.Naam), o.Naam, p.Naam);
            AddChange(details, Section(Hulpvragen.Functie), o.Functie, p.Functie);
            AddChange(details, Section(Hulpvragen.Organisatie), o.Organisatie, p.Organisatie);
            AddChange(details, Section(Hulpvragen.Contact), o.Contact, p.Contact);
            AddChange(details, "Regievorm", Vorm(o.Regievorm), Vorm(p.Regievorm));
            if (o.IsLinked != p.IsLinked)
            {
                details.Add(p.IsLinked ? "nu gekoppeld aan Teams" : "nu extern");
            }

            changes.Add($"{professionals}: {Shorten(p.Naam)}: " + (details.Count == 0 ? "gegevens gewijzigd" : string.Join("; ", details)));
        }

        changes.AddRange(Agreements(Hulpvragen.Sectie1, before.Regievoeren, after.Regievoeren));
        changes.AddRange(Agreements(Hulpvragen.Sectie2, before.Afstemming, after.Afstemming));

        if (before.AanspreekpuntId != after.AanspreekpuntId || before.Aanspreekpunt?.Naam != after.Aanspreekpunt?.Naam)
        {
            changes.Add($"{Hulpvragen.Sectie3}: {Shorten(before.Aanspreekpunt?.Naam)} → {Shorten(after.Aanspreekpunt?.Naam)}");
        }

        if (before.BewakerId != after.BewakerId || before.Bewaker?.Naam != after.Bewaker?.Naam)
        {
            changes.Add($"{Hulpvragen.Sectie4}: {Shorten(before.Bewaker?.Naam)} → {Shorten(after.Bewaker?.Naam)}");
        }

        if (before.Datum != after.Datum)
        {
            changes.Add($"{Section(Hulpvragen.Datum)}: {DutchDates.Date(before.Datum)} → {DutchDates.Date(after.Datum)}");
        }

        if (before.Evaluatiedatum != after.Evaluatiedatum)
        {
            changes.Add($"Evaluatiedatum: {DutchDates.Date(before.Evaluatiedatum)} → {DutchDates.Date(after.Evaluatiedatum)}");
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

    /// <summary>
    /// True when nothing but (at most) the evaluatiedatum changed: what an evaluation answered with "Afspraken blijven
    /// staan" saves (a <c>bijwerken</c> always dates the new version, so it changes more unless saved the same day unchanged).
    /// </summary>
    public static bool OnlyEvaluationDateChanged(KaartContent before, KaartContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Describe(before, after with { Evaluatiedatum = before.Evaluatiedatum }).Count == 0;
    }

    /// <summary>A text shortened to <see cref="MaxTextLength"/> characters ("–" when empty).</summary>
    public static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "–";
        }

        return text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)].TrimEnd() + "…";
    }

    /// <summary>Changed agreements as old → new (paired in order), then the added and the removed ones.</summary>
    private static IEnumerable<string> Agreements(string section, IReadOnlyList<Agreement> before, IReadOnlyList<Agreement> after)
    {
        HashSet<string> oldTexts = [.. before.Select(a => a.Text)];
        HashSet<string> newTexts = [.. after.Select(a => a.Text)];
        string[] added = [.. after.Select(a => a.Text).Where(t => !oldTexts.Contains(t)).Distinct()];
        string[] removed = [.. before.Select(a => a.Text).Where(t => !newTexts.Contains(t)).Distinct()];
        int changed = Math.Min(added.Length, removed.Length);
        for (int i = 0; i < changed; i++)
        {
            yield return $"{section}: „{Shorten(removed[i])}” → „{Shorten(added[i])}”";
        }

        foreach (string text in added.Skip(changed))
        {
            yield return $"{section}: toegevoegd „{Shorten(text)}”";
        }

        foreach (string text in removed.Skip(changed))
        {
            yield return $"{section}: verwijderd „{Shorten(text)}”";
        }
    }

    private static void AddChange(List<string> details, string label, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            details.Add($"{label} {Shorten(before)} → {Shorten(after)}");
        }
    }

    private static string Section(string label) => label.TrimEnd(':');

    private static string Vorm(Regievorm regievorm) => regievorm == Regievorm.Geen ? "geen" : regievorm.ToString().ToLowerInvariant();
}

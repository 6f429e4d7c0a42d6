namespace RegieBot.Domain.Kaarten;

public static class Moments
{
    /// <summary>The seed's wording of each moment, verbatim.</summary>
    public static IReadOnlyDictionary<Moment, string> Text { get; } = new Dictionary<Moment, string>
    {
        [Moment.MeerdereInstanties] = "Als meerdere instanties betrokken zijn bij een gezin (een complexe situatie).",
        [Moment.OnduidelijkWieRegieHeeft] = "Als er onduidelijkheid is wie regie heeft (dat kan op meerdere momenten in dezelfde casus).",
        [Moment.ProfessionalsGewijzigd] = "Als er in een casus professionals bijkomen of wegvallen: wat betekent dit voor de gemaakte afspraken?",
        [Moment.Evaluatiemoment] = "Op evaluatie momenten.",
    };
}

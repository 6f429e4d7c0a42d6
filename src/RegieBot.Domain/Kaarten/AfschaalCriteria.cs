namespace RegieBot.Domain.Kaarten;

public static class AfschaalCriteria
{
    /// <summary>The seed's question before the criteria (stappenplan procesregie, 5 Afschalen en nazorg).</summary>
    public const string Vraag =
        "Criteria die gehanteerd kunnen worden om te beoordelen of het expertteam de casus los kan laten zijn bijvoorbeeld:";

    /// <summary>The seed's wording of each criterion, verbatim (without the list's closing semicolon).</summary>
    public static IReadOnlyDictionary<AfschaalCriterium, string> Text { get; } = new Dictionary<AfschaalCriterium, string>
    {
        [AfschaalCriterium.HulpAdequaatGeorganiseerd] = "Zorg en hulpverlening adequaat is georganiseerd en de bemoeienis van de regisseur heeft geen meerwaarde meer",
        [AfschaalCriterium.GezinVoertZelfRegie] = "Betreffende jeugdige of gezin heeft/hebben passende hulp/ is/zijn in staat zelf de regie te voeren en/of weet/weten zelf de benodigde instanties te vinden",
        [AfschaalCriterium.RegieOvergedragen] = "Regie is adequaat overgedragen aan een andere professional die gericht kan toewerken naar perspectiefvolle (passende) hulp",
    };

    /// <summary>A short form for places with little room (the kaart card, <c>status</c>).</summary>
    public static IReadOnlyDictionary<AfschaalCriterium, string> Brief { get; } = new Dictionary<AfschaalCriterium, string>
    {
        [AfschaalCriterium.HulpAdequaatGeorganiseerd] = "hulp is adequaat georganiseerd",
        [AfschaalCriterium.GezinVoertZelfRegie] = "het gezin voert zelf de regie",
        [AfschaalCriterium.RegieOvergedragen] = "regie is overgedragen aan een andere professional",
    };
}

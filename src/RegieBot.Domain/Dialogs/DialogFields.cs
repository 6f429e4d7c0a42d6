namespace RegieBot.Domain.Dialogs;

/// <summary>The input ids of the step cards; they come back as keys of the action data.</summary>
public static class DialogFields
{
    public const string Moment = "moment";
    public const string Member = "lid";
    public const string External = "extern";
    public const string Naam = "naam";
    public const string Functie = "functie";
    public const string Organisatie = "organisatie";
    public const string Contact = "contact";
    public const string Regievorm = "regievorm";
    public const string Afspraken = "afspraken";
    public const string Aanspreekpunt = "aanspreekpunt";
    public const string Bewaker = "bewaker";
    public const string Datum = "datum";
    public const string Evaluatiedatum = "evaluatiedatum";
    public const string Besproken = "besproken";
}

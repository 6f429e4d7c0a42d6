using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RegieBot.Domain.Dialogs;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Validation;

namespace RegieBot.Cards;

/// <summary>
/// The step card of the regie conversation: one card, updated in place, showing the current step with its
/// hulpvragen, what was entered, and Vorige / Volgende / Annuleren.
/// </summary>
public sealed class DialogCard(CardTemplates templates)
{
    public const string Verb = "dialoog";

    /// <summary>The Data.Query dataset of the member picker, answered through the <c>application/search</c> invoke.</summary>
    public const string MemberDataset = "regiebot.leden";

    /// <summary>Teams shows at most 15 choices in a typeahead; a larger roster is searched, not listed.</summary>
    public const int MaxSearchResults = 15;

    /// <summary>Members listed on the card itself when the roster is searched; the others are found by typing.</summary>
    public const int StaticMembers = 10;

    private const int StepCount = 7;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <param name="state">The dialog as stored.</param>
    /// <param name="errors">Why the last answer was refused, in Dutch; empty when it was not.</param>
    /// <param name="pending">What the user typed when it was refused, so nothing is lost on the card.</param>
    /// <param name="members">The channel's members, for the professionals step.</param>
    public JsonObject Build(DialogState state, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? pending, IReadOnlyList<TeamMember> members)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(members);
        if (pending is null)
        {
            return Build(state, errors, null, members, AgreementsEchoLength);
        }

        // What was typed comes back cut to what the field accepts; when that is still too much for Teams (many
        // long lines, characters that take several bytes), the agreements are cut shorter until the card fits.
        JsonObject card = null!;
        for (int echo = AgreementsEchoLength; echo >= 500; echo /= 2)
        {
            card = Build(state, errors, pending, members, echo);
            if (EchoedInput.Bytes(card) <= KaartCard.MaxBytes)
            {
                break;
            }
        }

        return card;
    }

    /// <summary>All agreements a section may hold, one per line, each at its maximum length.</summary>
    private const int AgreementsEchoLength = Limits.MaxAgreementsPerSection * (Limits.AgreementMaxLength + 1);

    private JsonObject Build(DialogState state, IReadOnlyList<string> errors, IReadOnlyDictionary<string, string>? typed, IReadOnlyList<TeamMember> members, int agreementsEcho)
    {
        KaartContent draft = state.Draft;
        List<string> shownErrors = [.. errors];
        Dictionary<string, string>? pending = typed is null ? null : Echo(typed, agreementsEcho, shownErrors);
        bool closed = state.Status != DialogStatus.Open;
        (string title, string intro, IReadOnlyList<string> hulpvragen) = closed ? (ClosedTitle(state), string.Empty, []) : Describe(state.Step);
        string Pending(string key, string fallback) => pending is not null && pending.TryGetValue(key, out string? value) ? value : fallback;

        JsonObject data = new()
        {
            [DialogAnswers.KaartId] = state.KaartId,   // the buttons' data, read back by DialogAnswers
            [DialogAnswers.Step] = state.Step.ToString(),
            [DialogAnswers.Revision] = state.Revision,
            ["casus"] = state.Casus,
            ["progress"] = closed ? string.Empty : $" · stap {(int)state.Step + 1} van {StepCount}{(state.IsUpdate ? " · bijwerken" : string.Empty)}",
            ["title"] = title,
            ["intro"] = intro,
            ["errors"] = EchoedInput.Errors(shownErrors),
            ["hulpvragenTitel"] = "Hulpvragen bij dit onderdeel",
            ["hulpvragen"] = Strings(hulpvragen),
            ["isClosed"] = closed,
            ["closedText"] = closed ? ClosedText(state) : string.Empty,
            ["canGoBack"] = state.Step != DialogStep.Moment,
            ["nextTitle"] = state.Step == DialogStep.Afronding ? "Opslaan" : "Volgende",
            ["isMoment"] = !closed && state.Step == DialogStep.Moment,
            ["isProfessionals"] = !closed && state.Step == DialogStep.Professionals,
            ["isAgreements"] = !closed && state.Step is DialogStep.Regievoeren or DialogStep.Afstemming,
            ["isAanspreekpunt"] = !closed && state.Step == DialogStep.Aanspreekpunt,
            ["isBewaker"] = !closed && state.Step == DialogStep.Bewaker,
            ["isAfronding"] = !closed && state.Step == DialogStep.Afronding,
        };

        switch (state.Step)
        {
            case DialogStep.Moment:
                data["moment"] = Pending(DialogFields.Moment, draft.Moment == Moment.None ? string.Empty : ((int)draft.Moment).ToString(CultureInfo.InvariantCulture));
                data["momentChoices"] = new JsonArray([.. Moments.Text.Select(m => Choice(m.Value, ((int)m.Key).ToString(CultureInfo.InvariantCulture)))]);
                break;
            case DialogStep.Professionals:
                AddProfessionalsStep(data, draft, pending, members);
                break;
            case DialogStep.Regievoeren:
                data["afspraken"] = Pending(DialogFields.Afspraken, string.Join('\n', draft.Regievoeren.Select(a => a.Text)));
                break;
            case DialogStep.Afstemming:
                data["afspraken"] = Pending(DialogFields.Afspraken, string.Join('\n', draft.Afstemming.Select(a => a.Text)));
                break;
            case DialogStep.Aanspreekpunt:
                data["aanspreekpunt"] = Pending(DialogFields.Aanspreekpunt, draft.AanspreekpuntId ?? string.Empty);
                data["professionalChoices"] = ProfessionalChoices(draft);
                break;
            case DialogStep.Bewaker:
                data["bewaker"] = Pending(DialogFields.Bewaker, draft.BewakerId ?? string.Empty);
                data["professionalChoices"] = ProfessionalChoices(draft);
                break;
            case DialogStep.Afronding:
                data["datum"] = Pending(DialogFields.Datum, Iso(draft.Datum));
                data["evaluatiedatum"] = Pending(DialogFields.Evaluatiedatum, Iso(draft.Evaluatiedatum));
                data["besproken"] = Pending(DialogFields.Besproken, draft.BesprokenMetClient ? "true" : "false");
                break;
        }

        // The same budget as the kaart: a large team (roster searched, not listed) or a long list of professionals
        // must not push the step card over Teams' limit.
        JsonObject card = WithMemberQuery(templates["dialoog"].Expand(data), data);
        if (state.Step == DialogStep.Professionals && !closed && Encoding.UTF8.GetByteCount(card.ToJsonString()) > KaartCard.MaxBytes)
        {
            data["memberChoices"] = new JsonArray(Choice("Extern (niet in Teams)", DialogFields.External));
            data["memberQuery"] = MemberQuery();
            foreach (JsonNode? professional in data["professionals"]!.AsArray())
            {
                professional!["details"] = string.Empty;
            }

            card = WithMemberQuery(templates["dialoog"].Expand(data), data);
        }

        return card;
    }

    /// <summary>
    /// Teams' dynamic typeahead on the member picker: <c>choices.data</c> is set on the expanded card (the template
    /// cannot leave a property out when there is no query).
    /// </summary>
    private static JsonObject WithMemberQuery(JsonObject card, JsonObject data)
    {
        if (data["memberQuery"] is JsonObject query && Find(card, DialogFields.Member) is { } picker)
        {
            picker["choices.data"] = query.DeepClone();
        }

        return card;
    }

    private static JsonObject? Find(JsonNode? node, string id) => node switch
    {
        JsonObject obj when obj["type"] is JsonValue type && type.TryGetValue(out string? kind) && kind == "Input.ChoiceSet" && (string?)obj["id"] == id => obj,
        JsonObject obj => obj.Select(p => Find(p.Value, id)).FirstOrDefault(found => found is not null),
        JsonArray array => array.Select(n => Find(n, id)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    /// <summary>Members whose name contains <paramref name="query"/> (ignoring case and accents), names starting with it first.</summary>
    public static IReadOnlyList<TeamMember> Search(IEnumerable<TeamMember> members, string? query, int skip, int top)
    {
        ArgumentNullException.ThrowIfNull(members);
        CompareInfo compare = Dutch.CompareInfo;
        const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        string text = (query ?? string.Empty).Trim();
        return [.. members
            .Select(m => (Member: m, At: text.Length == 0 ? 0 : compare.IndexOf(m.Name, text, Loose)))
            .Where(m => m.At >= 0)
            .OrderBy(m => m.At == 0 ? 0 : 1)
            .ThenBy(m => m.Member.Name, StringComparer.Create(Dutch, ignoreCase: true))
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(top, 1, MaxSearchResults))
            .Select(m => m.Member)];
    }

    private static JsonObject MemberQuery() => new() { ["type"] = "Data.Query", ["dataset"] = MemberDataset, ["count"] = MaxSearchResults };

        private static void AddProfessionalsStep(JsonObject data, KaartContent draft, Dictionary<string, string>? pending, IReadOnlyList<TeamMember> members)
    {
        string Pending(string key) => pending is not null && pending.TryGetValue(key, out string? value) ? value : string.Empty;
        HashSet<string> onKaart = [.. draft.Professionals.Where(p => p.IsLinked).Select(p => p.AadObjectId!)];
        TeamMember[] candidates = [.. members
            .Where(m => !onKaart.Contains(m.AadObjectId))
            .OrderBy(m => m.Name, StringComparer.Create(Dutch, ignoreCase: true))];

        // A small team is listed in full; a larger one lists a few and is searched (Teams' dynamic typeahead), keeping
        // the card small whatever the team's size. A member picked by search and refused stays selectable.
        bool searched = candidates.Length > MaxSearchResults;
        string chosen = Pending(DialogFields.Member);
        IEnumerable<TeamMember> listed = searched
            ? candidates.Take(StaticMembers).Concat(candidates.Where(m => m.AadObjectId == chosen)).DistinctBy(m => m.AadObjectId)
            : candidates;
        JsonArray memberChoices = [.. listed.Select(m => Choice(m.Name, m.AadObjectId))];
        memberChoices.Add(Choice("Extern (niet in Teams)", DialogFields.External));
        if (searched)
        {
            data["memberQuery"] = MemberQuery();
        }

        data["memberPlaceholder"] = searched
            ? "Typ een naam om een collega te zoeken, of kies 'Extern (niet in Teams)'"
            : "Kies een collega of 'Extern (niet in Teams)'";

        data["professionalsTitle"] = draft.Professionals.Count == 0
            ? "Nog geen professionals op de kaart."
            : $"Op de kaart ({draft.Professionals.Count}):";
        data["professionals"] = new JsonArray([.. draft.Professionals.Select(p => new JsonObject
        {
            ["id"] = p.Id,
            ["naam"] = p.Naam,
            ["details"] = Details(p),
        })]);
        data["memberChoices"] = memberChoices;
        data["memberChoiceStyle"] = searched || memberChoices.Count > 8 ? "filtered" : "compact";
        data["regievormChoices"] = new JsonArray(
            Choice("Geen", nameof(Regievorm.Geen)),
            Choice("Procesregie", nameof(Regievorm.Procesregie)),
            Choice("Casusregie", nameof(Regievorm.Casusregie)),
            Choice("Behandelregie", nameof(Regievorm.Behandelregie)));
        data["form"] = new JsonObject
        {
            ["lid"] = Pending(DialogFields.Member),
            ["naam"] = Pending(DialogFields.Naam),
            ["functie"] = Pending(DialogFields.Functie),
            ["organisatie"] = Pending(DialogFields.Organisatie),
            ["contact"] = Pending(DialogFields.Contact),
            ["regievorm"] = Pending(DialogFields.Regievorm),
        };
        data["limits"] = new JsonObject
        {
            ["naam"] = Limits.NameMaxLength,
            ["functie"] = Limits.FunctieMaxLength,
            ["organisatie"] = Limits.OrganisatieMaxLength,
            ["contact"] = Limits.ContactMaxLength,
        };
    }

    /// <summary>" — Functie, Organisatie · contact · regievorm · in Teams/extern", as plain text.</summary>
    public static string Details(Professional professional)
    {
        ArgumentNullException.ThrowIfNull(professional);
        List<string> parts = [string.Join(", ", new[] { professional.Functie, professional.Organisatie }.Where(s => s.Length > 0))];
        if (professional.Contact.Length > 0)
        {
            parts.Add(professional.Contact);
        }

        if (professional.Regievorm != Regievorm.Geen)
        {
            parts.Add(professional.Regievorm.ToString().ToLowerInvariant());
        }

        parts.Add(professional.IsLinked ? "in Teams" : "extern");
        return " — " + string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    /// <summary>The typed values cut to each field's maximum (unknown keys are dropped); says so in the errors when cut.</summary>
    private static Dictionary<string, string> Echo(IReadOnlyDictionary<string, string> typed, int agreementsEcho, List<string> errors)
    {
        Dictionary<string, string> echoed = new(StringComparer.Ordinal);
        int? cutTo = null;
        foreach ((string key, string value) in typed)
        {
            if (EchoLength(key, agreementsEcho) is not int max)
            {
                continue;
            }

            echoed[key] = EchoedInput.Cut(value, max);
            if (value.Length > max)
            {
                cutTo = Math.Min(cutTo ?? max, max);
            }
        }

        if (cutTo is int length)
        {
            errors.Insert(0, EchoedInput.Notice(length));   // first: it explains what the card shows
        }

        return echoed;
    }

    private static int? EchoLength(string key, int agreementsEcho) => key switch
    {
        DialogFields.Naam => Limits.NameMaxLength,
        DialogFields.Functie => Limits.FunctieMaxLength,
        DialogFields.Organisatie => Limits.OrganisatieMaxLength,
        DialogFields.Contact => Limits.ContactMaxLength,
        DialogFields.Afspraken => agreementsEcho,
        DialogFields.Datum or DialogFields.Evaluatiedatum => 10,
        DialogFields.Moment or DialogFields.Regievorm or DialogFields.Besproken or DialogFields.Aanspreekpunt or DialogFields.Bewaker => 20,
        DialogFields.Member => 64,
        _ => null,
    };

    private static (string Title, string Intro, IReadOnlyList<string> Hulpvragen) Describe(DialogStep step) => step switch
    {
        DialogStep.Moment => ("Waarom maken jullie de regiekaart nu?", "Kies wat nu van toepassing is. Iedereen in dit kanaal kan de stappen invullen.", []),
        DialogStep.Professionals => (Hulpvragen.BetrokkenProfessionals.TrimEnd(':'), "Voeg iedere betrokken professional toe: een collega uit dit kanaal, of iemand buiten Teams (extern). Minstens twee.", []),
        DialogStep.Regievoeren => (Hulpvragen.Sectie1, "Leg concreet vast wie wat doet en wanneer. Eén afspraak per regel.", Hulpvragen.Onderdeel1),
        DialogStep.Afstemming => (Hulpvragen.Sectie2, "Hoe houden jullie elkaar op de hoogte? Eén afspraak per regel.", Hulpvragen.Onderdeel2),
        DialogStep.Aanspreekpunt => (Hulpvragen.Sectie3, "Kies één professional. De uitkomst wordt ook besproken met de cliënt, zodat duidelijk is wie het aanspreekpunt is.", Hulpvragen.Onderdeel3),
        DialogStep.Bewaker => (Hulpvragen.Sectie4, "Kies één professional.", []),
        DialogStep.Afronding => ("Datum en evaluatie", "Spreek af wanneer jullie checken of de afspraken aangepast moeten worden, bijvoorbeeld na 3 maanden. Doe dat in ieder geval als er organisaties bij komen of afvallen.", []),
        _ => (step.ToString(), string.Empty, []),
    };

    private static string ClosedTitle(DialogState state) => state.Status == DialogStatus.Saved
        ? (state.IsUpdate ? "Regiekaart bijgewerkt" : "Regiekaart opgeslagen")
        : "Regiekaart geannuleerd";

    /// <summary>What a cancelled update says, on the closed step card and in the answer to <c>annuleren</c>.</summary>
    public const string UpdateCancelledText = "Het bijwerken is geannuleerd; de regiekaart is niet veranderd.";

    private static string ClosedText(DialogState state) => state.Status == DialogStatus.Saved
        ? "De regiekaart staat in deze draad. Iedere professional uit Teams kan daar zijn of haar rol bevestigen."
        : state.IsUpdate
            ? UpdateCancelledText
            : "Er is niets opgeslagen. Typ @RegieBot start gevolgd door de casus om opnieuw te beginnen.";

    private static JsonArray ProfessionalChoices(KaartContent draft) =>
        [.. draft.Professionals.Select(p => Choice($"{p.Naam}{Details(p)}", p.Id))];

    private static JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => JsonValue.Create(v))];

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

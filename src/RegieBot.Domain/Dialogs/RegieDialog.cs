using System.Globalization;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Validation;

namespace RegieBot.Domain.Dialogs;

/// <summary>
/// The regie conversation as a state machine: applies one answer to the dialog state and says what
/// happened. Pure: storage, Teams and cards are the caller's business.
/// </summary>
public static class RegieDialog
{
    public const string StaleMessage = "Iemand anders heeft deze stap net ingevuld. Je ziet nu de actuele stap; controleer het en ga verder.";

    public static DialogState Start(string kaartId, string casus, KaartLocation location, string actor, DateTimeOffset at) => new()
    {
        KaartId = kaartId,
        Casus = casus,
        Location = location,
        Step = DialogStep.Moment,
        LastEditedBy = actor,
        UpdatedAt = at,
    };

    /// <summary>
    /// <c>bijwerken</c>: the same steps, prefilled with the current kaart, except the dates: the new version is dated
    /// the day it is saved and evaluated one period after that (the last step proposes both), never on the old dates
    /// (started from an evaluation card, the old evaluatiedatum is the one that just fired).
    /// </summary>
    public static DialogState StartUpdate(Kaart kaart, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(kaart);
        return new DialogState
        {
            KaartId = kaart.Id,
            Casus = kaart.Casus,
            Location = kaart.Location,
            Step = DialogStep.Moment,
            Draft = kaart.Content with { Datum = null, Evaluatiedatum = null },
            BaseVersion = kaart.Version,
            IsUpdate = true,
            LastEditedBy = actor,
            UpdatedAt = at,
        };
    }

    public static DialogOutcome Apply(DialogState state, DialogAnswer answer, DialogDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(defaults);
        if (state.Status != DialogStatus.Open)
        {
            return new DialogOutcome(DialogOutcomeKind.Closed, state, []);
        }

        if (answer.Revision != state.Revision || answer.Step != state.Step)
        {
            return new DialogOutcome(DialogOutcomeKind.Stale, state, [StaleMessage]);
        }

        return answer.Action switch
        {
            DialogAction.Cancel => Changed(DialogOutcomeKind.Cancelled, state with { Status = DialogStatus.Cancelled }, answer),
            DialogAction.Back => Back(state, answer),
            DialogAction.Next => Next(state, answer, defaults),
            DialogAction.AddProfessional when state.Step == DialogStep.Professionals => AddProfessional(state, answer),
            DialogAction.RemoveProfessional when state.Step == DialogStep.Professionals => RemoveProfessional(state, answer),
            _ => new DialogOutcome(DialogOutcomeKind.Invalid, state, ["Deze knop hoort niet bij deze stap."]),
        };
    }

    private static DialogOutcome Next(DialogState state, DialogAnswer answer, DialogDefaults defaults)
    {
        if (state.Step == DialogStep.Professionals && HasProfessionalForm(answer.Fields))
        {
            // A filled-in form with "Volgende" instead of "Toevoegen": add it first, nothing typed is dropped.
            DialogOutcome added = AddProfessional(state, answer);
            if (added.Kind == DialogOutcomeKind.Invalid)
            {
                return added;
            }

            state = added.State with { Revision = state.Revision };
        }

        (KaartContent draft, List<string> errors) = ApplyStep(state.Step, state.Draft, answer.Fields);
        if (errors.Count > 0)
        {
            return new DialogOutcome(DialogOutcomeKind.Invalid, state, errors);
        }

        if (state.Step == DialogStep.Afronding)
        {
            return Changed(DialogOutcomeKind.Completed, state with { Draft = draft, Status = DialogStatus.Saved }, answer);
        }

        DialogStep next = state.Step + 1;
        if (next == DialogStep.Afronding)
        {
            DateOnly datum = draft.Datum ?? defaults.Today;
            draft = draft with { Datum = datum, Evaluatiedatum = draft.Evaluatiedatum ?? defaults.EvaluationDate(datum) };
        }

        return Changed(DialogOutcomeKind.Moved, state with { Draft = draft, Step = next }, answer);
    }

    private static DialogOutcome Back(DialogState state, DialogAnswer answer)
    {
        if (state.Step == DialogStep.Moment)
        {
            return new DialogOutcome(DialogOutcomeKind.Invalid, state, ["Dit is de eerste stap."]);
        }

        // Keep what was typed on this step when it is valid; going back never loses the stored answers.
        (KaartContent draft, List<string> errors) = ApplyStep(state.Step, state.Draft, answer.Fields);
        return Changed(DialogOutcomeKind.Moved, state with { Draft = errors.Count == 0 ? draft : state.Draft, Step = state.Step - 1 }, answer);
    }

    private static DialogOutcome AddProfessional(DialogState state, DialogAnswer answer)
    {
        (Professional? professional, List<string> errors) = ReadProfessional(state.Draft, answer);
        if (professional is null)
        {
            return new DialogOutcome(DialogOutcomeKind.Invalid, state, errors);
        }

        KaartContent draft = state.Draft with
        {
            Professionals = [.. state.Draft.Professionals, professional],
            ProfessionalSequence = state.Draft.NextProfessionalNumber(),
        };
        return Changed(DialogOutcomeKind.Updated, state with { Draft = draft }, answer);
    }

    private static DialogOutcome RemoveProfessional(DialogState state, DialogAnswer answer)
    {
        if (state.Draft.Find(answer.ProfessionalId) is null)
        {
            return new DialogOutcome(DialogOutcomeKind.Invalid, state, ["Deze professional staat niet (meer) op de kaart."]);
        }

        KaartContent draft = state.Draft with
        {
            Professionals = [.. state.Draft.Professionals.Where(p => p.Id != answer.ProfessionalId)],
            AanspreekpuntId = state.Draft.AanspreekpuntId == answer.ProfessionalId ? null : state.Draft.AanspreekpuntId,
            BewakerId = state.Draft.BewakerId == answer.ProfessionalId ? null : state.Draft.BewakerId,
        };
        return Changed(DialogOutcomeKind.Updated, state with { Draft = draft }, answer);
    }

    private static DialogOutcome Changed(DialogOutcomeKind kind, DialogState state, DialogAnswer answer) =>
        new(kind, state with { Revision = state.Revision + 1, LastEditedBy = answer.Actor, UpdatedAt = answer.At }, []);

    /// <summary>Validates and applies the inputs of one step to the draft.</summary>
    private static (KaartContent Draft, List<string> Errors) ApplyStep(DialogStep step, KaartContent draft, IReadOnlyDictionary<string, string> fields)
    {
        List<string> errors = [];
        switch (step)
        {
            case DialogStep.Moment:
                if (int.TryParse(Field(fields, DialogFields.Moment), NumberStyles.None, CultureInfo.InvariantCulture, out int moment)
                    && Enum.IsDefined((Moment)moment) && moment != 0)
                {
                    return (draft with { Moment = (Moment)moment }, errors);
                }

                errors.Add("Kies waarom de regiekaart nu wordt gemaakt.");
                break;

            case DialogStep.Professionals:
                if (draft.Professionals.Count < Limits.MinProfessionals)
                {
                    errors.Add($"Voeg minstens {Limits.MinProfessionals} betrokken professionals toe (nu: {draft.Professionals.Count}).");
                }

                break;

            case DialogStep.Regievoeren:
                return ApplyAgreements(draft, fields, "r", (d, a) => d with { Regievoeren = a });

            case DialogStep.Afstemming:
                return ApplyAgreements(draft, fields, "s", (d, a) => d with { Afstemming = a });

            case DialogStep.Aanspreekpunt:
                string? aanspreekpunt = draft.Find(Field(fields, DialogFields.Aanspreekpunt))?.Id;
                if (aanspreekpunt is null)
                {
                    errors.Add("Kies welke professional het vaste aanspreekpunt voor de cliënt is.");
                }

                return (draft with { AanspreekpuntId = aanspreekpunt ?? draft.AanspreekpuntId }, errors);

            case DialogStep.Bewaker:
                string? bewaker = draft.Find(Field(fields, DialogFields.Bewaker))?.Id;
                if (bewaker is null)
                {
                    errors.Add("Kies welke professional zicht houdt op naleving van de afspraken.");
                }

                return (draft with { BewakerId = bewaker ?? draft.BewakerId }, errors);

            case DialogStep.Afronding:
                DateOnly? datum = ParseDate(Field(fields, DialogFields.Datum), "de datum", errors);
                DateOnly? evaluatie = ParseDate(Field(fields, DialogFields.Evaluatiedatum), "de evaluatiedatum", errors);
                if (datum is not null && evaluatie is not null && evaluatie <= datum)
                {
                    errors.Add("De evaluatiedatum moet na de datum liggen.");
                }

                bool besproken = string.Equals(Field(fields, DialogFields.Besproken), "true", StringComparison.OrdinalIgnoreCase);
                return (draft with { Datum = datum ?? draft.Datum, Evaluatiedatum = evaluatie ?? draft.Evaluatiedatum, BesprokenMetClient = besproken }, errors);
        }

        return (draft, errors);
    }

    private static (KaartContent Draft, List<string> Errors) ApplyAgreements(
        KaartContent draft, IReadOnlyDictionary<string, string> fields, string idPrefix, Func<KaartContent, IReadOnlyList<Agreement>, KaartContent> set)
    {
        List<string> errors = [];
        string[] lines = [.. TextInput.Clean(Field(fields, DialogFields.Afspraken), keepLineBreaks: true)
            .Split('\n')
            .Select(l => TextInput.Clean(l.TrimStart('·', '•', '-', '*', ' ')))
            .Where(l => l.Length > 0)];
        if (lines.Length == 0)
        {
            errors.Add("Leg minstens één afspraak vast: één afspraak per regel.");
        }

        if (lines.Length > Limits.MaxAgreementsPerSection)
        {
            errors.Add($"Er passen maximaal {Limits.MaxAgreementsPerSection} afspraken in dit onderdeel (nu: {lines.Length}). Voeg afspraken samen of houd ze kort.");
        }

        for (int i = 0; i < lines.Length; i++)
        {
            if (TextInput.Check($"Afspraak {i + 1}", lines[i], Limits.AgreementMaxLength, required: true) is { } error)
            {
                errors.Add(error);
            }
        }

        return (set(draft, [.. lines.Select((text, i) => new Agreement($"{idPrefix}{i + 1}", text))]), errors);
    }

    private static (Professional? Professional, List<string> Errors) ReadProfessional(KaartContent draft, DialogAnswer answer)
    {
        IReadOnlyDictionary<string, string> fields = answer.Fields;
        List<string> errors = [];
        if (draft.Professionals.Count >= Limits.MaxProfessionals)
        {
            errors.Add($"Er passen maximaal {Limits.MaxProfessionals} professionals op de kaart.");
            return (null, errors);
        }

        string choice = Field(fields, DialogFields.Member);
        TeamMember? member = answer.Member;
        if (choice.Length == 0)
        {
            errors.Add("Kies een collega uit het kanaal, of kies 'Extern (niet in Teams)'.");
        }
        else if (choice != DialogFields.External && member is null)
        {
            errors.Add("Deze collega is niet (meer) gevonden in het kanaal. Kies opnieuw, of voeg hem of haar toe als extern.");
        }

        bool external = choice == DialogFields.External;
        string naam = TextInput.Clean(Field(fields, DialogFields.Naam));
        if (naam.Length == 0 && member is not null && !external)
        {
            naam = TextInput.Clean(member.Name);
        }

        string functie = TextInput.Clean(Field(fields, DialogFields.Functie));
        string organisatie = TextInput.Clean(Field(fields, DialogFields.Organisatie));
        string contact = TextInput.Clean(Field(fields, DialogFields.Contact));
        AddIfError(errors, TextInput.Check("Naam", naam, Limits.NameMaxLength, required: true));
        AddIfError(errors, TextInput.Check("Functie", functie, Limits.FunctieMaxLength, required: true));
        AddIfError(errors, TextInput.Check("Organisatie", organisatie, Limits.OrganisatieMaxLength, required: true));
        AddIfError(errors, TextInput.Check("Telefoonnummer/email", contact, Limits.ContactMaxLength, required: external));

        Regievorm regievorm = Regievorm.Geen;
        string vorm = Field(fields, DialogFields.Regievorm);
        if (vorm.Length > 0 && !Enum.TryParse(vorm, ignoreCase: true, out regievorm))
        {
            errors.Add("Kies een regievorm uit de lijst.");
        }

        if (errors.Count == 0 && Duplicate(draft, naam, contact, external ? null : member) is { } existing)
        {
            errors.Add($"{existing.Naam} staat al op de kaart. Pas die gegevens aan door hem of haar te verwijderen en opnieuw toe te voegen.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new Professional
        {
            Id = draft.NextProfessionalId(),
            Naam = naam,
            Functie = functie,
            Organisatie = organisatie,
            Contact = contact,
            Regievorm = regievorm,
            AadObjectId = external ? null : member?.AadObjectId,
            TeamsUserId = external ? null : member?.TeamsUserId,
        }, errors);
    }

    /// <summary>
    /// The entry on the kaart that is this same person: the same Teams member, or the same name (ignoring case and
    /// spacing) where the contact is the same, or where one of the two is the Teams member and the other external
    /// (someone from the channel added once from the list and once by hand).
    /// </summary>
    private static Professional? Duplicate(KaartContent draft, string naam, string contact, TeamMember? member) =>
        draft.Professionals.FirstOrDefault(p =>
            (member is not null && p.AadObjectId == member.AadObjectId)
            || (SameText(p.Naam, naam) && (SameText(p.Contact, contact) || p.IsLinked != (member is not null))));

    private static bool SameText(string a, string b) =>
        string.Equals(TextInput.Clean(a), TextInput.Clean(b), StringComparison.OrdinalIgnoreCase);

    private static bool HasProfessionalForm(IReadOnlyDictionary<string, string> fields) =>
        new[] { DialogFields.Member, DialogFields.Naam, DialogFields.Functie, DialogFields.Organisatie, DialogFields.Contact }
            .Any(key => Field(fields, key).Trim().Length > 0);

    private static DateOnly? ParseDate(string value, string label, List<string> errors)
    {
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        errors.Add($"Vul {label} in als geldige datum.");
        return null;
    }

    private static void AddIfError(List<string> errors, string? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    private static string Field(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out string? value) ? value ?? string.Empty : string.Empty;
}

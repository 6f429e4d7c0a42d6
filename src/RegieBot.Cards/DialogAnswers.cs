using System.Globalization;
using RegieBot.Domain.Dialogs;

namespace RegieBot.Cards;

/// <summary>
/// Reads a step card's click back: the action data its buttons carry (<c>cards/dialoog.json</c>, filled by
/// <see cref="DialogCard"/>) merged with the card's inputs. Pure, and next to the template so that the keys it writes
/// and the keys read here change together. A value that is missing or unknown parses to an answer the dialog refuses
/// as stale, never to another step's answer.
/// </summary>
public static class DialogAnswers
{
    /// <summary>The kaart the step card belongs to; the card gate loads the dialog by it.</summary>
    public const string KaartId = "kaartId";

    /// <summary>The step the clicker saw.</summary>
    public const string Step = "step";

    /// <summary>The revision the clicker saw: an answer to an older one is stale.</summary>
    public const string Revision = "revision";

    /// <summary>Which button: <c>volgende</c>, <c>vorige</c>, <c>annuleren</c>, <c>toevoegen</c> or <c>verwijderen</c>.</summary>
    public const string Action = "action";

    /// <summary>The professional a <c>verwijderen</c> button removes.</summary>
    public const string ProfessionalId = "professionalId";

    /// <summary>The keys of the buttons' own data; every other key is an input of the card.</summary>
    private static readonly HashSet<string> ControlKeys = [KaartId, Step, Revision, Action, ProfessionalId];

    /// <summary>The answer in <paramref name="data"/>, without <see cref="DialogAnswer.Member"/>: the bot resolves that.</summary>
    /// <param name="data">The click's data, every value as a string.</param>
    /// <param name="actor">Who clicked (Entra object id or Teams id).</param>
    /// <param name="at">When.</param>
    public static DialogAnswer Parse(IReadOnlyDictionary<string, string> data, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(data);
        string? Value(string key) => data.TryGetValue(key, out string? value) ? value : null;
        return new DialogAnswer
        {
            Action = ParseAction(Value(Action)),
            Step = Enum.TryParse(Value(Step), out DialogStep step) ? step : (DialogStep)(-1),
            Revision = int.TryParse(Value(Revision), NumberStyles.Integer, CultureInfo.InvariantCulture, out int revision) ? revision : -1,
            Fields = Fields(data),
            ProfessionalId = Value(ProfessionalId),
            Actor = actor,
            At = at,
        };
    }

    /// <summary>The card's inputs: the click's data without the buttons' own keys.</summary>
    public static Dictionary<string, string> Fields(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Where(d => !ControlKeys.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The channel member picked in the professional form (an Entra object id), or null when none was picked or
    /// "Extern (niet in Teams)" was. Only an id: who it is comes from the roster, never from the card.
    /// </summary>
    public static string? ChosenMember(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.TryGetValue(DialogFields.Member, out string? chosen) && chosen.Length > 0 && chosen != DialogFields.External ? chosen : null;
    }

    private static DialogAction ParseAction(string? action) => action switch
    {
        "volgende" => DialogAction.Next,
        "vorige" => DialogAction.Back,
        "annuleren" => DialogAction.Cancel,
        "toevoegen" => DialogAction.AddProfessional,
        "verwijderen" => DialogAction.RemoveProfessional,
        _ => (DialogAction)(-1),
    };
}

using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Confirmations;

/// <summary>The confirmation state of every professional on a kaart, and who may confirm what.</summary>
public sealed class KaartConfirmations(Kaart kaart, IReadOnlyList<Confirmation> confirmations)
{
    public Kaart Kaart => kaart;

    /// <summary>The confirmation that still counts for this professional, or null (never, or reset by a change).</summary>
    public Confirmation? Of(Professional professional)
    {
        ArgumentNullException.ThrowIfNull(professional);
        Confirmation? confirmation = confirmations.FirstOrDefault(c => c.ProfessionalId == professional.Id);
        return confirmation is not null
            && professional.IsLinked
            && confirmation.AadObjectId == professional.AadObjectId
            && confirmation.RoleFingerprint == RoleFingerprints.Of(kaart.Content, professional)
            ? confirmation
            : null;
    }

    public IEnumerable<Professional> Confirmed => kaart.Content.Professionals.Where(p => Of(p) is not null);

    public IEnumerable<Professional> Unconfirmed => kaart.Content.Professionals.Where(p => p.IsLinked && Of(p) is null);

    /// <summary>
    /// The professional the clicking user may confirm: their own linked entry (matched on the Entra object id),
    /// and only the one the button was for, when it names one.
    /// </summary>
    public Professional? ConfirmableBy(string? aadObjectId, string? requestedProfessionalId)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return null;
        }

        Professional? own = kaart.Content.Professionals.FirstOrDefault(p => p.IsLinked && p.AadObjectId == aadObjectId);
        return own is not null && (requestedProfessionalId is null || requestedProfessionalId == own.Id) ? own : null;
    }
}

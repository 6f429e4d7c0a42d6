namespace RegieBot.Domain.Kaarten;

/// <summary>What the team fills in on the form: the part of a kaart the dialog collects and versions compare.</summary>
public sealed record KaartContent
{
    public Moment Moment { get; init; }
    public IReadOnlyList<Professional> Professionals { get; init; } = [];
    public IReadOnlyList<Agreement> Regievoeren { get; init; } = [];
    public IReadOnlyList<Agreement> Afstemming { get; init; } = [];
    public string? AanspreekpuntId { get; init; }
    public string? BewakerId { get; init; }
    public DateOnly? Datum { get; init; }
    public DateOnly? Evaluatiedatum { get; init; }
    public bool BesprokenMetClient { get; init; }

    /// <summary>The highest professional number handed out, so ids are never reused after a removal.</summary>
    public int ProfessionalSequence { get; init; }

    public Professional? Aanspreekpunt => Find(AanspreekpuntId);

    public Professional? Bewaker => Find(BewakerId);

    public Professional? Find(string? professionalId) =>
        professionalId is null ? null : Professionals.FirstOrDefault(p => p.Id == professionalId);

    /// <summary>The next free professional id (p1, p2, ...); ids are never reused within a kaart.</summary>
    public string NextProfessionalId() => "p" + NextProfessionalNumber();

    public int NextProfessionalNumber() =>
        Math.Max(ProfessionalSequence, Professionals.Select(p => int.TryParse(p.Id.AsSpan(1), out int n) ? n : 0).DefaultIfEmpty(0).Max()) + 1;
}

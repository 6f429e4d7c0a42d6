namespace RegieBot.Domain.Validation;

/// <summary>
/// How much the bot accepts. Sized for a real casus (12 professionals, 30 agreements) with room to spare,
/// and so that the kaart card stays below Teams' size limit.
/// </summary>
public static class Limits
{
    public const int CasusMinLength = 2;
    public const int CasusMaxLength = 40;
    public const int NameMaxLength = 80;
    public const int FunctieMaxLength = 80;
    public const int OrganisatieMaxLength = 80;
    public const int ContactMaxLength = 120;
    public const int AgreementMaxLength = 300;
    public const int MaxProfessionals = 20;
    public const int MinProfessionals = 2;
    public const int MaxAgreementsPerSection = 30;
    public const int ReasonMaxLength = 500;
}

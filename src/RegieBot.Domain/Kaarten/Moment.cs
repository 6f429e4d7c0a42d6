namespace RegieBot.Domain.Kaarten;

/// <summary>Why the kaart is made now: the seed's four moments.</summary>
public enum Moment
{
    None = 0,
    MeerdereInstanties = 1,
    OnduidelijkWieRegieHeeft = 2,
    ProfessionalsGewijzigd = 3,
    Evaluatiemoment = 4,
}

namespace RegieBot.Domain.Kaarten;

public enum KaartStatus
{
    Actief = 0,
    Afgesloten = 1,
}

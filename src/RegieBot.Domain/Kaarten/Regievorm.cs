namespace RegieBot.Domain.Kaarten;

/// <summary>The forms of regie a professional can hold (seed: regievoering-zeeland).</summary>
public enum Regievorm
{
    Geen = 0,
    Procesregie = 1,
    Casusregie = 2,
    Behandelregie = 3,
}

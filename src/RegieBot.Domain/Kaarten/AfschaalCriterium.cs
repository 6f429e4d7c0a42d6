namespace RegieBot.Domain.Kaarten;

/// <summary>Why a casus is closed: the afschaal-criteria of the stappenplan procesregie (5 Afschalen en nazorg).</summary>
public enum AfschaalCriterium
{
    None = 0,
    HulpAdequaatGeorganiseerd = 1,
    GezinVoertZelfRegie = 2,
    RegieOvergedragen = 3,
}

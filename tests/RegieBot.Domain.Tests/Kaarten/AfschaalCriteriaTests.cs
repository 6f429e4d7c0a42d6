using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests.Kaarten;

/// <summary>The afschaal-criteria come from the stappenplan procesregie, section 5, verbatim (skipped without ../shared).</summary>
public sealed class AfschaalCriteriaTests
{
    [Fact]
    public void Text_AreTheThreeCriteriaOfSection5VerbatimAndInOrder()
    {
        string[] lines = SharedDocuments.ReadLines("seeds/stappenplan-procesregie.txt");
        int section = Array.FindIndex(lines, l => l.Trim() == "5 Afschalen en nazorg");
        int question = Array.FindIndex(lines, section, l => l.Trim() == AfschaalCriteria.Vraag);
        string[] bullets = [.. lines.Skip(question + 1).Where(l => l.Trim().Length > 0).TakeWhile(l => l.TrimStart().StartsWith('-')).Select(l => l.Trim().TrimStart('-').Trim().TrimEnd(';', '.'))];

        Assert.True(section >= 0 && question > section);
        Assert.Equal(bullets, AfschaalCriteria.Text.Values);
        Assert.Equal([AfschaalCriterium.HulpAdequaatGeorganiseerd, AfschaalCriterium.GezinVoertZelfRegie, AfschaalCriterium.RegieOvergedragen], AfschaalCriteria.Text.Keys);
        Assert.Equal(AfschaalCriteria.Text.Keys, AfschaalCriteria.Brief.Keys);
    }
}

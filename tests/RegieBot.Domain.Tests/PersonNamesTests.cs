using RegieBot.Domain.Kaarten;

namespace RegieBot.Domain.Tests;

/// <summary>Cards, the tab and the export name people through <see cref="PersonNames"/>; these pin the fallbacks.</summary>
public sealed class PersonNamesTests
{
    private static readonly KaartContent Content = new()
    {
        Professionals =
        [
            new Professional { Id = "p1", Naam = "Anna de Vries", AadObjectId = "AB12-CD" },
            new Professional { Id = "p2", Naam = "Extern Bureau" },
        ],
    };

    [Fact]
    public void Of_PrefersTheNameOnTheKaart_WhateverTheCaseOfTheId()
    {
        Assert.Equal("Anna de Vries", PersonNames.Of(Content, "ab12-cd", "Anna (Teams)"));
    }

    [Fact]
    public void Of_FallsBackToTheTeamsNameThenToOneNeutralWord()
    {
        Assert.Equal("Bert", PersonNames.Of(Content, "other", "Bert"));
        Assert.Equal("een collega", PersonNames.Of(Content, "other", " "));
        Assert.Equal("een collega", PersonNames.Of(Content, null));
    }
}

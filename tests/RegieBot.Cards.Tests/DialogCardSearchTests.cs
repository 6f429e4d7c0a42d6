using RegieBot.Domain.Dialogs;

namespace RegieBot.Cards.Tests;

public sealed class DialogCardSearchTests
{
    private static readonly TeamMember[] Members =
    [
        new("a1", "29:a1", "Collega 1999 Özdemir"),
        new("a2", "29:a2", "Petra Jansen"),
        new("a3", "29:a3", "Jan Petersen"),
    ];

    [Theory]
    [InlineData("collega 1999", "a1")]
    [InlineData("ozdemir", "a1")]
    [InlineData("PETRA", "a2")]
    public void Search_NameContainsQueryIgnoringCaseAndAccents_FindsTheMember(string query, string expected)
    {
        IReadOnlyList<TeamMember> found = DialogCard.Search(Members, query, 0, 15);

        Assert.Equal(expected, Assert.Single(found).AadObjectId);
    }

    [Fact]
    public void Search_NamesStartingWithTheQuery_ComeFirstAndAtMost15()
    {
        TeamMember[] many = [.. Enumerable.Range(1, 40).Select(i => new TeamMember($"x{i}", $"29:x{i}", $"Jan {i}")), .. Members];

        IReadOnlyList<TeamMember> found = DialogCard.Search(many, "jan", 0, 100);

        Assert.Equal(15, found.Count);
        Assert.All(found, m => Assert.StartsWith("Jan ", m.Name, StringComparison.Ordinal));
    }
}

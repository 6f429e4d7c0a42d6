using System.Text.Json.Nodes;
using RegieBot.AppPackage;
using RegieBot.Domain.Commands;

namespace RegieBot.Deployment.Tests.Manifest;

public sealed class ManifestCommandsTests
{
    [Theory]
    [InlineData(CommandScopes.Team)]
    [InlineData(CommandScopes.GroupChat)]
    [InlineData(CommandScopes.Personal)]
    public void For_EachScope_HasAtMostTwelveCommandsIncludingHelp(CommandScopes scope)
    {
        IReadOnlyList<BotCommand> commands = ManifestCommands.For(scope, BotCommands.All);

        Assert.InRange(commands.Count, 1, ManifestCommands.MaxPerList);
        Assert.Contains(BotCommands.Help, commands);
    }

    [Fact]
    public void For_GroupChat_IsHelpOnly()
    {
        // No kaart can be made or shown in a group chat: its menu does not offer the channel's casus commands.
        Assert.Equal([BotCommands.Help], ManifestCommands.For(CommandScopes.GroupChat, BotCommands.All));
    }

    [Theory]
    [InlineData(CommandScopes.Team)]
    public void For_Channel_AreAllItsCommandsInBotCommandsOrderLessOnlyTheLeastUsed(CommandScopes scope)
    {
        BotCommand[] all = [.. BotCommands.All.Where(c => c.Scopes.HasFlag(scope))];
        int over = Math.Max(0, all.Length - ManifestCommands.MaxPerList);
        string[] dropped = [.. ManifestCommands.LeastUsedFirst.Where(n => all.Any(c => c.Name == n)).Take(over)];

        IReadOnlyList<BotCommand> commands = ManifestCommands.For(scope, BotCommands.All);

        Assert.Equal(all.Where(c => !dropped.Contains(c.Name)), commands);
        Assert.Contains(BotCommands.Start, commands);
        Assert.Contains(BotCommands.Kaart, commands);
        Assert.DoesNotContain(BotCommands.Overzicht, commands);
    }

    [Fact]
    public void For_TeamToday_LeavesOutExportOnly()
    {
        IReadOnlyList<BotCommand> commands = ManifestCommands.For(CommandScopes.Team, BotCommands.All);

        Assert.Equal(
            BotCommands.All.Where(c => c.Scopes.HasFlag(CommandScopes.Team)).Select(c => c.Name).Except(["export"]),
            commands.Select(c => c.Name));
    }

    [Fact]
    public void For_Personal_IsOverzichtAndHelp()
    {
        IReadOnlyList<BotCommand> commands = ManifestCommands.For(CommandScopes.Personal, BotCommands.All);

        Assert.Equal([BotCommands.Overzicht, BotCommands.Help], commands);
    }

    [Fact]
    public void For_ScopeWithinTheLimit_DropsNothing()
    {
        BotCommand[] twelve = [.. Enumerable.Range(1, 11).Select(i => Command($"c{i}")), Command("export")];

        IReadOnlyList<BotCommand> commands = ManifestCommands.For(CommandScopes.Team, twelve);

        Assert.Equal(twelve, commands);
    }

    [Fact]
    public void For_TooManyEvenAfterDroppingTheLeastUsed_ThrowsNamingTheRule()
    {
        BotCommand[] sixteen = [.. Enumerable.Range(1, 13).Select(i => Command($"c{i}")), Command("export"), Command("geschiedenis"), Command("clientversie")];

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => ManifestCommands.For(CommandScopes.Team, sixteen));

        Assert.Contains(nameof(ManifestCommands.LeastUsedFirst), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildCommandLists_EveryEntry_IsOneScopeWithBotCommandTitlesAndDescriptions()
    {
        JsonArray lists = ManifestCommands.BuildCommandLists(BotCommands.All);

        Assert.Equal(["team", "groupChat", "personal"], lists.Select(l => (string)l!["scopes"]!.AsArray().Single()!));
        foreach (JsonNode? command in lists.SelectMany(l => l!["commands"]!.AsArray()))
        {
            BotCommand source = Assert.Single(BotCommands.All, c => c.Name == (string?)command!["title"]);
            Assert.Equal(source.Description, (string?)command!["description"]);
        }
    }

    private static BotCommand Command(string name) => new(name, null, "Omschrijving.", CommandScopes.Shared);
}

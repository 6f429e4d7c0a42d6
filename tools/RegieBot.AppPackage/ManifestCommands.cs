using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;

namespace RegieBot.AppPackage;

/// <summary>
/// The manifest's command lists, one per scope, made from <see cref="BotCommands.All"/> (the single list the
/// help card uses too). Teams shows at most 12 commands per list; a scope with more loses the commands of
/// <see cref="LeastUsedFirst"/>, in that order, until it fits. They keep working when typed, and <c>help</c> lists them.
/// </summary>
internal static class ManifestCommands
{
    public const int MaxPerList = 12;

    /// <summary>Commands left out of a full list first: rare in a casusoverleg (an inzageverzoek, looking back).</summary>
    public static IReadOnlyList<string> LeastUsedFirst { get; } = ["export", "geschiedenis", "clientversie"];

    /// <summary>The manifest's scope names with the flag each stands for.</summary>
    public static IReadOnlyList<(string Name, CommandScopes Flag)> Scopes { get; } =
        [("team", CommandScopes.Team), ("groupChat", CommandScopes.GroupChat), ("personal", CommandScopes.Personal)];

    public static IReadOnlyList<BotCommand> For(CommandScopes scope, IReadOnlyList<BotCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        List<BotCommand> list = [.. commands.Where(c => (c.Scopes & scope) == scope)];
        foreach (string name in LeastUsedFirst)
        {
            if (list.Count <= MaxPerList)
            {
                break;
            }

            list.RemoveAll(c => c.Name == name);
        }

        if (list.Count > MaxPerList)
        {
            throw new InvalidOperationException(
                $"Scope {scope} has {list.Count} commands, more than the {MaxPerList} Teams shows: add one to {nameof(ManifestCommands)}.{nameof(LeastUsedFirst)}.");
        }

        return list;
    }

    /// <summary>The manifest's <c>bots[0].commandLists</c>: one entry per scope that has commands.</summary>
    public static JsonArray BuildCommandLists(IReadOnlyList<BotCommand> commands)
    {
        JsonArray lists = [];
        foreach ((string name, CommandScopes flag) in Scopes)
        {
            IReadOnlyList<BotCommand> scoped = For(flag, commands);
            if (scoped.Count == 0)
            {
                continue;
            }

            JsonArray items = [];
            foreach (BotCommand command in scoped)
            {
                items.Add(new JsonObject { ["title"] = command.Name, ["description"] = command.Description });
            }

            lists.Add(new JsonObject { ["scopes"] = new JsonArray(name), ["commands"] = items });
        }

        return lists;
    }
}

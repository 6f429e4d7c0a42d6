using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;

namespace RegieBot.Cards;

/// <summary>The list of commands that work where the user asked.</summary>
public sealed class HelpCard(CardTemplates templates)
{
    public JsonObject Build(CommandScopes scope)
    {
        BotCommand[] commands = [.. BotCommands.All.Where(c => (c.Scopes & scope) != 0)];
        JsonObject data = new()
        {
            ["intro"] = scope == CommandScopes.Personal
                ? "In deze persoonlijke chat kun je deze commando's typen:"
                : "Noem RegieBot in je bericht (@RegieBot) gevolgd door een commando:",
            ["commands"] = new JsonArray([.. commands.Select(c => new JsonObject
            {
                ["usage"] = c.Usage,
                ["description"] = c.Description,
            })]),
            ["fallback"] = string.Join(", ", commands.Select(c => c.Name)),
        };
        return templates["help"].Expand(data);
    }
}

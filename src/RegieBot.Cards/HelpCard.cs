using System.Text.Json.Nodes;
using RegieBot.Domain.Commands;

namespace RegieBot.Cards;

/// <summary>The list of commands that work where the user asked.</summary>
public sealed class HelpCard(CardTemplates templates)
{
    public JsonObject Build(CommandScopes scope)
    {
        // A group chat has no kaart: it is shown what works in a team's channel, and told so.
        CommandScopes listed = scope == CommandScopes.GroupChat ? CommandScopes.Team : scope;
        BotCommand[] commands = [.. BotCommands.All.Where(c => (c.Scopes & listed) != 0)];
        JsonObject data = new()
        {
            ["intro"] = scope switch
            {
                CommandScopes.Personal => "In deze persoonlijke chat kun je deze commando's typen:",
                CommandScopes.GroupChat => "Een regiekaart maak je in een kanaal van jullie team, niet in een groepschat. Noem RegieBot daar (@RegieBot) gevolgd door een commando:",
                _ => "Noem RegieBot in je bericht (@RegieBot) gevolgd door een commando:",
            },
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

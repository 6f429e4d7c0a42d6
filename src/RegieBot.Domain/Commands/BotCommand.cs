namespace RegieBot.Domain.Commands;

/// <summary>A command the bot understands, as the help card and the app manifest list it.</summary>
public sealed record BotCommand(string Name, string? Argument, string Description, CommandScopes Scopes)
{
    /// <summary>How a user types it, e.g. <c>start &lt;casus&gt;</c>.</summary>
    public string Usage => Argument is null ? Name : $"{Name} {Argument}";
}

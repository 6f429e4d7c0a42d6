namespace RegieBot.Bot;

/// <summary>
/// What a feature answers when the bot is installed in or removed from a team, channel or chat, or their members change.
/// The router knows only this seam, so the bot's core does not depend on the feature that implements it.
/// </summary>
internal interface IConversationEvents
{
    /// <summary>The bot was added (a conversationUpdate or an installationUpdate "add"; both may come).</summary>
    Task BotAddedAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>The bot was removed (a conversationUpdate or an installationUpdate "remove").</summary>
    Task BotRemovedAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Members joined or left the team, or a private or shared channel (a channel event acts on that channel only).</summary>
    Task MembersChangedAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What a feature answers to a meeting's start and end events (see <see cref="Protocol.Teams.TeamsEventTypes"/>).</summary>
internal interface IMeetingEvents
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

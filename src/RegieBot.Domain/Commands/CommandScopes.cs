namespace RegieBot.Domain.Commands;

[Flags]
public enum CommandScopes
{
    None = 0,
    Team = 1,
    GroupChat = 2,
    Personal = 4,
    Shared = Team | GroupChat,
    All = Team | GroupChat | Personal,
}

namespace RegieBot.Bot;

/// <summary>
/// A conversation's members are not known yet and Teams did not list them within <see cref="ChannelMembers.ClickWait"/>
/// (throttled or slow); the fetch goes on, so the click can be tried again in a moment.
/// </summary>
internal sealed class RosterUnavailableException : Exception
{
    public RosterUnavailableException()
        : base("Teams did not list the conversation's members in time.")
    {
    }

    public RosterUnavailableException(string message)
        : base(message)
    {
    }

    public RosterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

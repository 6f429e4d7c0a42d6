namespace RegieBot.Bot;

/// <summary>
/// The longest a turn may take, whether or not its caller still waits (Teams gives up on an invoke after about 15 s).
/// A turn past it is answered with a short Dutch sentence and released for a redelivery, never with a 5xx.
/// </summary>
internal sealed record TurnDeadline(TimeSpan Value)
{
    public static TurnDeadline Default { get; } = new(TimeSpan.FromMinutes(2));
}

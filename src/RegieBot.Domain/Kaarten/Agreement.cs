namespace RegieBot.Domain.Kaarten;

/// <summary>One agreement ("afspraak") in section 1 or 2.</summary>
public sealed record Agreement(string Id, string Text);

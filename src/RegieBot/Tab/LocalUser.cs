namespace RegieBot.Tab;

/// <summary>A Playground mock user the tab's local sign-in offers.</summary>
internal sealed record LocalUser(string AadObjectId, string Name);

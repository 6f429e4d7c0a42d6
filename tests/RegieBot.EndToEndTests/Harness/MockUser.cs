namespace RegieBot.EndToEndTests.Harness;

/// <summary>A person in the Playground's mock tenant (<c>.m365agentsplayground.yml</c>), with the role they play in a casus.</summary>
public sealed record MockUser(string Id, string Name, string GivenName, string Surname, string Email, string AadObjectId, string Role);

using RegieBot.Domain.Kaarten;
using RegieBot.Evaluation;

namespace RegieBot.Tests.Handlers;

public sealed class EvaluationActionsTests : IDisposable
{
    private readonly HandlerHost _host = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Escalating_without_a_reason_is_refused_in_Dutch_and_nothing_is_stored(string reason)
    {
        Kaart kaart = _host.SeedKaart();

        string? problem = await _host.Get<EvaluationActions>().EscalateAsync(_host.Message("opschalen"), kaart.Id, reason, CancellationToken.None);

        Assert.Equal(
            "Waarom loopt het vast? Typ: @RegieBot opschalen gevolgd door de reden, bijvoorbeeld: opschalen de school reageert al weken niet.",
            problem);
        Assert.Empty(_host.Store.Writes);
        Assert.Empty(await _host.Store.GetEscalationsAsync(kaart.Id, CancellationToken.None));
    }

    public void Dispose() => _host.Dispose();
}

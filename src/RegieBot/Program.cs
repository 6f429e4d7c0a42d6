using RegieBot;
using RegieBot.Bot;
using RegieBot.Cards;
using RegieBot.Operations;
using RegieBot.Protocol;
using RegieBot.Security;
using RegieBot.Storage;
using RegieBot.Tab;

DurationConverter.Register();    // duration settings in ISO 8601 (PT2S) as well as hh:mm:ss
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:3978");   // the fixed local default; --urls or ASPNETCORE_URLS override it
}

builder.AddRegieProtocol();      // inbound JWT validation, connector client
builder.AddRegieStorage();       // Table Storage: tables, stores, health check
builder.AddRegieCards();         // card templates from cards/
builder.AddRegieTelemetry();     // meter and traces "RegieBot"; OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddRegieSecurity();  // tenant allow-list
builder.Services.AddRegieBot();  // pipeline, router, handlers
builder.Services.AddRegieTab();  // personal tab "Mijn regiekaarten"

WebApplication app = builder.Build();
if (!DurationSettings.AreValid(app.Configuration, app.Logger))
{
    await app.DisposeAsync();    // flushes the log line that names the setting
    return 1;
}

app.UseBotEndpointErrors();      // no developer exception page for the bot endpoint
app.MapBotEndpoint();            // POST /api/messages
app.MapRegieHealth();            // GET /healthz: storage reachability as JSON
app.MapRegieTab();               // GET /tab/: pages and their content for the signed-in professional
await app.RunAsync();
return 0;

/// <summary>The web host; public for the test host.</summary>
public partial class Program;

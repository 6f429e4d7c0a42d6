using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RegieBot.Common;
using RegieBot.Operations;

namespace RegieBot.Tests.Operations;

/// <summary>Duration settings take ISO 8601 and hh:mm:ss alike; a bad one stops the start with one clear line.</summary>
public sealed class DurationSettingsTests
{
    [Theory]
    [InlineData("PT2S")]
    [InlineData("00:00:02")]
    public void Bind_PollIntervalInEitherForm_IsTwoSeconds(string value)
    {
        using BotApplicationFactory factory = new();
        using WebApplicationFactory<Program> app = factory.WithWebHostBuilder(b => b.UseSetting("RegieBot:Reminders:PollInterval", value));

        ReminderOptions options = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
    }

    [Fact]
    public void AreValid_EveryDurationInIsoForm_IsTrue()
    {
        FakeLogger logger = new();
        IConfiguration configuration = Configuration([.. DurationSettings.Settings().Select(s => (s.Key, System.Xml.XmlConvert.ToString(
            TimeSpan.Parse((string)s.Property.GetCustomAttribute<RangeAttribute>()!.Maximum, CultureInfo.InvariantCulture))))]);

        Assert.True(DurationSettings.AreValid(configuration, logger));
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Theory]
    [InlineData("zo vaak als nodig")]
    [InlineData("P1M")]
    [InlineData("PT2H")]          // outside 1 second to 1 hour
    public void AreValid_BadPollInterval_LogsOneLineNamingTheVariableAndTheForm(string value)
    {
        FakeLogger logger = new();

        bool valid = DurationSettings.AreValid(Configuration(("RegieBot:Reminders:PollInterval", value)), logger);

        Assert.False(valid);
        FakeLogRecord record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Critical, record.Level);
        Assert.Null(record.Exception);
        Assert.Contains("RegieBot__Reminders__PollInterval", record.Message, StringComparison.Ordinal);
        Assert.Contains("PT2S", record.Message, StringComparison.Ordinal);
        Assert.Contains("hh:mm:ss", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', record.Message);
    }

    [Theory]
    [InlineData("RegieBot:Reminders:EvaluationPeriod", "3 maanden")]
    [InlineData("RegieBot:Privacy:RetentionAfterClose", "00:00:90")]
    public void AreValid_BadIsoPeriod_LogsOneLineNamingTheVariable(string key, string value)
    {
        FakeLogger logger = new();

        bool valid = DurationSettings.AreValid(Configuration((key, value)), logger);

        Assert.False(valid);
        FakeLogRecord record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), record.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 8601", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AreValid_IsoPeriodsAsDocumented_IsTrue()
    {
        FakeLogger logger = new();

        Assert.True(DurationSettings.AreValid(Configuration(("RegieBot:Reminders:EvaluationPeriod", "PT20S"), ("RegieBot:Privacy:RetentionAfterClose", "P90D")), logger));
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task Start_BadDuration_ExitsWithOneLineAndNoStackTrace()
    {
        ProcessStartInfo start = new("dotnet", [Path.Combine(AppContext.BaseDirectory, "RegieBot.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["RegieBot__Reminders__PollInterval"] = "twee seconden";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["MicrosoftAppId"] = "";

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        string all = await output + await errors;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("RegieBot__Reminders__PollInterval", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}

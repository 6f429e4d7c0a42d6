using System.ComponentModel.DataAnnotations;
using System.Reflection;
using RegieBot.Domain.Scheduling;

namespace RegieBot;

/// <summary>
/// Checks every duration and period setting before the host starts: a value not in its form, or outside the setting's range,
/// stops the start with one log line naming the environment variable and the form it takes. Without this check the
/// options binder throws inside the host's start, and the administrator reads a stack trace instead. Part of the
/// composition root: it knows the options of every folder.
/// </summary>
internal static class DurationSettings
{
    /// <summary>The options classes with <see cref="TimeSpan"/> properties, each with its <c>SectionName</c>.</summary>
    private static readonly Type[] OptionsTypes =
    [
        typeof(Common.ReminderOptions), typeof(Common.PrivacyOptions), typeof(Outbox.OutboxOptions),
        typeof(Protocol.Authentication.BotAuthenticationOptions), typeof(Protocol.Connector.ConnectorOptions),
    ];

    /// <summary>The calendar periods, ISO 8601 only (<c>P3M</c> is three calendar months, no fixed length).</summary>
    private static readonly string[] PeriodKeys =
        [Common.ReminderOptions.SectionName + ":EvaluationPeriod", Common.PrivacyOptions.SectionName + ":RetentionAfterClose"];

    /// <summary>True when every duration and period that is set can be used; otherwise each bad one is logged.</summary>
    public static bool AreValid(IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool valid = true;
        foreach (string key in PeriodKeys)
        {
            if (configuration[key] is { } text && !IsoPeriod.TryParse(text, out _))
            {
                logger.DurationSettingInvalid(Variable(key), "an ISO 8601 period such as P3M, P90D or PT20S");
                valid = false;
            }
        }

        foreach ((string key, PropertyInfo property) in Settings())
        {
            string? text = configuration[key];
            if (text is null)
            {
                continue;
            }

            RangeAttribute? range = property.GetCustomAttribute<RangeAttribute>();
            if (!Durations.TryParse(text, out TimeSpan value) || (range is not null && !range.IsValid(value)))
            {
                string bounds = range is null ? string.Empty : $" between {range.Minimum} and {range.Maximum}";
                logger.DurationSettingInvalid(Variable(key), $"a duration{bounds}, written as {Durations.ExpectedForm}");
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>The environment variable of a configuration key.</summary>
    private static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Every duration setting: its configuration key and the property it binds to.</summary>
    internal static IEnumerable<(string Key, PropertyInfo Property)> Settings() =>
        from type in OptionsTypes
        let section = (string)type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.PropertyType == typeof(TimeSpan) && property.CanWrite
        select (section + ":" + property.Name, property);
}

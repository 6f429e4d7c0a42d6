using System.ComponentModel;
using System.Globalization;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Operations;

/// <summary>
/// Reads <see cref="TimeSpan"/> settings in both forms of <see cref="Durations"/>: the configuration binder converts
/// through <see cref="TypeDescriptor"/>, whose own converter knows only <c>hh:mm:ss</c>, while the ISO settings
/// (<c>EvaluationPeriod</c>) are written <c>PT20S</c>: the same variable family must take the same form.
/// </summary>
internal sealed class DurationConverter : TimeSpanConverter
{
    private static int _registered;

    /// <summary>Once per process, before any options are bound.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            TypeDescriptor.AddAttributes(typeof(TimeSpan), new TypeConverterAttribute(typeof(DurationConverter)));
        }
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text
            ? Durations.TryParse(text, out TimeSpan duration) ? duration : throw new FormatException($"Not a duration; expected {Durations.ExpectedForm}.")
            : base.ConvertFrom(context, culture, value);
}

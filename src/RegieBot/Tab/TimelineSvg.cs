using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using RegieBot.Cards;
using RegieBot.Domain;
using RegieBot.Domain.Kaarten;
using RegieBot.Domain.Scheduling;

namespace RegieBot.Tab;

/// <summary>
/// The kaart's history as a small picture: one line from the first version to the next evaluation (or the
/// closing), with a marker per version, confirmation, evaluation and escalation. Each marker has a title (the
/// date and what happened) and the picture as a whole a text alternative with the counts.
/// </summary>
internal static class TimelineSvg
{
    private const int Width = 640;
    private const int Height = 64;
    private const int Left = 16;
    private const int Right = Width - 16;
    private const int Axis = 30;

    public static string Render(TabKaart tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        List<Event> events = Events(tab);
        DateTimeOffset first = events.Min(e => e.At);
        DateTimeOffset last = events.Max(e => e.At);
        double span = Math.Max((last - first).TotalSeconds, 1);
        double X(DateTimeOffset at) => Left + ((at - first).TotalSeconds / span * (Right - Left));

        StringBuilder svg = new();
        string label = Summary(events);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"tijdlijn\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(label)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Axis}\" x2=\"{Right}\" y2=\"{Axis}\" class=\"as\"/>");
        foreach (Event e in events.OrderBy(e => e.Kind))
        {
            svg.Append(Marker(e, X(e.At)));
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 6}\" class=\"datum\">{Encode(DutchDates.Day(first))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Right}\" y=\"{Height - 6}\" class=\"datum eind\">{Encode(DutchDates.Day(last))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static List<Event> Events(TabKaart tab)
    {
        Kaart kaart = tab.Kaart;
        List<Event> events = [];
        IReadOnlyList<Kaart> versions = tab.Versions.Count > 0 ? tab.Versions : [kaart];
        for (int i = 0; i < versions.Count; i++)
        {
            bool evaluation = i > 0 && KaartDiff.OnlyEvaluationDateChanged(versions[i - 1].Content, versions[i].Content);
            events.Add(new Event(versions[i].UpdatedAt, evaluation ? Kind.Evaluation : Kind.Version,
                evaluation ? TabTexts.EvaluationKept(versions[i].Version) : $"Versie {versions[i].Version}"));
        }

        events.AddRange(tab.Snapshot.Confirmations
            .Where(c => tab.Snapshot.State.Confirmed.Any(p => p.Id == c.ProfessionalId))
            .Select(c => new Event(c.ConfirmedAt, Kind.Confirmation, TabTexts.RoleConfirmed)));
        events.AddRange(tab.Escalations.Select(e => new Event(e.At, Kind.Escalation, TabTexts.Escalated)));
        if (tab.Evaluation is { SentAt: { } sent })
        {
            events.Add(new Event(sent, Kind.Evaluation, tab.EvaluationUnanswered ? TabTexts.EvaluationAskedUnanswered : TabTexts.EvaluationAsked));
        }

        if (kaart.Closure is { } closure)
        {
            events.Add(new Event(closure.ClosedAt, Kind.Closed, TabTexts.Closed));
        }
        else if (kaart.Content.Evaluatiedatum is { } next && !tab.Closed)
        {
            events.Add(new Event(DutchCalendar.StartOfWorkingDay(next), Kind.Planned, tab.Overdue ? TabTexts.EvaluationLate : TabTexts.NextEvaluation));
        }

        return events;
    }

    private static string Marker(Event e, double x)
    {
        string title = $"<title>{Encode($"{e.Text}: {DutchDates.Day(e.At)}")}</title>";
        string cx = x.ToString("0.#", CultureInfo.InvariantCulture);
        return e.Kind switch
        {
            Kind.Version => $"<circle cx=\"{cx}\" cy=\"{Axis}\" r=\"7\" class=\"versie\">{title}</circle>",
            Kind.Confirmation => $"<circle cx=\"{cx}\" cy=\"{Axis - 14}\" r=\"4\" class=\"bevestiging\">{title}</circle>",
            Kind.Evaluation => $"<rect x=\"{Offset(x, -6)}\" y=\"{Axis - 6}\" width=\"12\" height=\"12\" transform=\"rotate(45 {cx} {Axis})\" class=\"evaluatie\">{title}</rect>",
            Kind.Escalation => $"<polygon points=\"{cx},{Axis + 4} {Offset(x, -7)},{Axis + 18} {Offset(x, 7)},{Axis + 18}\" class=\"escalatie\">{title}</polygon>",
            Kind.Closed => $"<rect x=\"{Offset(x, -7)}\" y=\"{Axis - 7}\" width=\"14\" height=\"14\" class=\"afgesloten\">{title}</rect>",
            _ => $"<circle cx=\"{cx}\" cy=\"{Axis}\" r=\"6\" class=\"gepland\">{title}</circle>",
        };
    }

    private static string Summary(List<Event> events)
    {
        int Count(Kind kind) => events.Count(e => e.Kind == kind);
        List<string> parts = [Plural(Count(Kind.Version), "versie", "versies"), Plural(Count(Kind.Confirmation), "bevestiging", "bevestigingen"),
            Plural(Count(Kind.Evaluation), "evaluatie", "evaluaties"), Plural(Count(Kind.Escalation), "escalatie", "escalaties")];
        if (events.FirstOrDefault(e => e.Kind is Kind.Closed or Kind.Planned) is { } end)
        {
            parts.Add($"{end.Text.ToLowerInvariant()} {DutchDates.Day(end.At)}");
        }

        return TabTexts.TimelinePrefix + string.Join(", ", parts);
    }

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static string Offset(double x, int by) => (x + by).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private enum Kind
    {
        Planned,
        Version,
        Evaluation,
        Escalation,
        Closed,
        Confirmation,
    }

    private sealed record Event(DateTimeOffset At, Kind Kind, string Text);
}

using System.Globalization;
using System.Text;

namespace RegieBot.Benchmarks;

/// <summary>Markdown written to standard output and to <c>artifacts/bench/{name}.md</c>.</summary>
internal sealed class Report(string name)
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "")
    {
        _text.AppendLine(line);
        Console.WriteLine(line);
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |")));
        foreach (IReadOnlyList<string> row in rows)
        {
            Line("| " + string.Join(" | ", row) + " |");
        }

        Line();
    }

    public static string N(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public async Task SaveAsync(string repositoryRoot)
    {
        string directory = Path.Combine(repositoryRoot, "artifacts", "bench");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), _text.ToString());
    }
}

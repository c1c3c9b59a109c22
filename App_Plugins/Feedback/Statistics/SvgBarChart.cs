using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace UedaPublicGoals.Feedback.Statistics;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server. Every bar carries its label above it
/// and its count beside it as text, so nothing depends on colour; role="img" with a title and a
/// description names it, and the data table next to it is the full accessible equivalent.
/// Drawn 360 units wide so text stays at its real size on a phone.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 360;
    private const int Padding = 4;
    private const int FontSize = 13;
    private const int LineHeight = 17;
    private const int BarHeight = 16;
    private const int RowGap = 10;
    private const int CountSpace = 56;

    /// <summary>Japanese text has no spaces to wrap at: break every this many characters.</summary>
    private const int CharactersPerLine = 25;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<CountRow> rows)
    {
        var max = Math.Max(1, rows.Where(r => r.Withheld is null).Select(r => r.Count).DefaultIfEmpty(0).Max());
        var plotWidth = Width - 2 * Padding - CountSpace;
        var body = new List<XElement>();
        var y = Padding;
        foreach (var row in rows)
        {
            foreach (var line in Wrap(Forms.HostileText.Clean(row.Label)))
            {
                y += LineHeight;
                body.Add(Text(Padding, y - 4, line, "chart__label"));
            }

            var barWidth = row.Withheld is null ? (int)Math.Round((double)row.Count / max * plotWidth) : 0;
            if (row.Withheld is null && row.Count > 0)
            {
                body.Add(new XElement(Svg + "rect",
                    new XAttribute("class", "chart__bar"),
                    new XAttribute("x", Padding), new XAttribute("y", y + 2),
                    new XAttribute("width", Math.Max(2, barWidth)), new XAttribute("height", BarHeight)));
            }

            var value = row.Withheld ?? row.Count.ToString("N0", CultureInfo.InvariantCulture) + "件";
            body.Add(Text(Padding + barWidth + 6, y + 2 + BarHeight - 3, value, "chart__value"));
            y += 2 + BarHeight + RowGap;
        }

        var height = Math.Max(y + Padding, 40);
        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "chart"),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("width", Width), new XAttribute("height", height),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", id + "-title"), Forms.HostileText.Clean(title)),
            new XElement(Svg + "desc", new XAttribute("id", id + "-desc"), Forms.HostileText.Clean(description)),
            body);
        if (rows.Count == 0)
        {
            svg.Add(Text(Padding, 24, "この条件の意見はありません", "chart__label"));
        }

        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }

    // Labels come from stored fields: characters XML cannot carry (rows stored before the input boundary) are dropped, not thrown on.
    private static XElement Text(int x, int y, string text, string cssClass) =>
        new(Svg + "text", new XAttribute("x", x), new XAttribute("y", y), new XAttribute("class", cssClass), new XAttribute("font-size", FontSize), text);

    private static IEnumerable<string> Wrap(string label)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(label);
        var line = new System.Text.StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            line.Append(elements.GetTextElement());
            if (++count == CharactersPerLine)
            {
                yield return line.ToString();
                line.Clear();
                count = 0;
            }
        }

        if (line.Length > 0 || count == 0 && label.Length == 0)
        {
            yield return line.ToString();
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Backoffice.Import;

/// <summary>A "(n) …" part of a cell.</summary>
public sealed record NumberedPart(int Number, string Text);

/// <summary>A cell split at its "(1) … (2) …" markers: the text before the first marker, then the parts.</summary>
public sealed record NumberedCell(string Head, IReadOnlyList<NumberedPart> Parts);

/// <summary>
/// How the words of one cell become content, the rules content-seed/README.md writes down for
/// the hand transcription: HTML lists and line breaks become Markdown lists, (1)(2)… split a cell
/// into measures, ア・イ… and ● nest under the item before them, a lone 「・」 item is a sentence,
/// and a numeric target (13,967人→17,000人, 18講座) is a KPI. Nothing is reworded or dropped.
/// </summary>
public static partial class SheetCellText
{
    /// <summary>Whitespace collapsed to single spaces (line breaks included), HTML tags left as they are.</summary>
    public static string Collapse(string? cell) => Whitespace().Replace(cell ?? "", " ").Trim();

    public static bool IsBlank(string? cell) => Collapse(StripTags(cell ?? "")).Length == 0;

    /// <summary>"(1) a (2) b" → head "", parts [1 a, 2 b]; accepts full-width digits and brackets.</summary>
    public static NumberedCell SplitNumbered(string? cell)
    {
        var text = Collapse(StripTags(cell ?? ""));
        var matches = NumberMarker().Matches(text);
        if (matches.Count == 0)
        {
            return new NumberedCell(text, []);
        }

        var parts = new List<NumberedPart>();
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            parts.Add(new NumberedPart(ParseNumber(matches[i].Groups["n"].Value), text[start..end].Trim()));
        }

        return new NumberedCell(text[..matches[0].Index].Trim(), parts);
    }

    /// <summary>
    /// One or more cells of a label (位置付け, 現況・課題, …) as Markdown: plain text when the cells
    /// hold one sentence, else a list; items of a later cell are not nested under an earlier one.
    /// </summary>
    public static string? ToMarkdown(IEnumerable<string> cells)
    {
        var items = new List<(int Level, string Text)>();
        var plain = new List<string>();
        foreach (var cell in cells.Where(c => !IsBlank(c)))
        {
            var (cellItems, isList) = Items(cell);
            items.AddRange(cellItems);
            if (!isList)
            {
                plain.Add(cellItems.Single().Text);
            }
        }

        if (items.Count == 0)
        {
            return null;
        }

        return items.Count == 1 && plain.Count == 1
            ? plain[0]
            : string.Join("\n", items.Select(i => new string(' ', 2 * i.Level) + "- " + i.Text));
    }

    /// <summary>A target part: several 「・」 items become a list, one stays a sentence.</summary>
    public static string TargetMarkdown(string part)
    {
        var bullets = BulletItems(part);
        return bullets.Count > 1 ? string.Join("\n", bullets.Select(b => "- " + b)) : bullets.Single();
    }

    /// <summary>The 「・」 items of a text ("・ A ・ B" → [A, B]); a text without them is one item.</summary>
    public static IReadOnlyList<string> BulletItems(string text)
    {
        var parts = BulletMarker().Split(" " + text.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? [text.Trim()] : parts;
    }

    /// <summary>Does a period cell or part say when (通年, 年度内, 6月～3月, 令和7年3月 …)?</summary>
    public static bool IsReadablePeriod(string period) => PeriodWords().IsMatch(period);

    /// <summary>
    /// The KPIs a target states: a baseline and a target in one unit (13,967人→17,000人), else a
    /// count to reach (3回, 18講座, 1事業). Months and years (10月, R7～9年度) are never KPIs.
    /// Keys are placeholders made from the position ("kpi-1-3-1"); an existing document keeps its own.
    /// </summary>
    public static List<Kpi> RecognizeKpis(string target, string? method, int initiative, int measure)
    {
        var kpis = new List<Kpi>();
        foreach (var item in BulletItems(target))
        {
            var withBaseline = BaselineTarget().Match(item);
            if (withBaseline.Success)
            {
                var label = TrimLabel(item[..withBaseline.Index]);
                label = ChangeSuffix().Replace(label, "");
                kpis.Add(NewKpi(label, withBaseline.Groups["unit"].Value, ParseDecimal(withBaseline.Groups["base"].Value), ParseDecimal(withBaseline.Groups["target"].Value)));
                continue;
            }

            var count = CountTarget().Match(item);
            if (count.Success)
            {
                var label = TrimLabel(item[..count.Index]);
                label = ParenthesisedTail().Replace(label, "").Trim();
                label = DoneSuffix().Replace(label, "");
                label = label.Split('、')[^1].Trim();
                if (label.Length == 0)
                {
                    label = LabelFromMethod(method) ?? item;
                }

                kpis.Add(NewKpi(label, count.Groups["unit"].Value, null, ParseDecimal(count.Groups["n"].Value)));
            }
        }

        for (var k = 0; k < kpis.Count; k++)
        {
            kpis[k].Key = $"kpi-{initiative}-{measure}-{k + 1}";
        }

        return kpis;

        static Kpi NewKpi(string label, string unit, decimal? baseline, decimal target) =>
            new() { Label = label, Unit = unit, Baseline = baseline, Target = target };
    }

    /// <summary>
    /// A value reported for a KPI in a report text: its label followed by a number in its unit
    /// (「LINE友だち登録者数 15,200人」, 「研修会を実施（1回）」).
    /// </summary>
    public static decimal? ReportedValue(string report, Kpi kpi)
    {
        var at = report.IndexOf(kpi.Label, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var after = report[(at + kpi.Label.Length)..];
        var match = Regex.Match(after, @"^[^0-9０-９。]{0,12}?(?<n>[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?)\s*" + Regex.Escape(kpi.Unit));
        return match.Success ? ParseDecimal(match.Groups["n"].Value) : null;
    }

    /// <summary>進捗度 written in a report cell: 順調, やや遅れ, 遅れ or 達成 (the first one named).</summary>
    public static ProgressStatus? StatusIn(string report)
    {
        var match = StatusWord().Match(report);
        return match.Success
            ? match.Value switch
            {
                "やや遅れ" => ProgressStatus.SlightlyBehind,
                "遅れ" => ProgressStatus.Behind,
                "達成" => ProgressStatus.Achieved,
                _ => ProgressStatus.OnTrack,
            }
            : null;
    }

    public static int ParseNumber(string digits) => int.Parse(Ascii(digits), CultureInfo.InvariantCulture);

    /// <summary>①…⑳ → 1…20; 0 when the text is not a circled number.</summary>
    public static int CircledNumber(string marker) =>
        marker.Length == 1 && marker[0] is >= '①' and <= '⑳' ? marker[0] - '①' + 1 : 0;

    public static string Circled(int number) => number is >= 1 and <= 20 ? ((char)('①' + number - 1)).ToString() : number.ToString(CultureInfo.InvariantCulture);

    private static (List<(int Level, string Text)> Items, bool IsList) Items(string cell)
    {
        if (cell.Contains('<') && HtmlTag().IsMatch(cell))
        {
            var text = Collapse(WebUtility.HtmlDecode(StripTags(cell)));
            var sentences = SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            return ListOf(sentences);
        }

        var lines = cell.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > 1)
        {
            return ListOf(lines);
        }

        return Inline(Collapse(cell));
    }

    /// <summary>Items of an HTML list or of lines: 「・」 is dropped; one item alone is a sentence.</summary>
    private static (List<(int, string)>, bool) ListOf(List<string> items)
    {
        var texts = items.Select(i => LeadingBullet().Replace(i, "")).ToList();
        return (texts.Select(t => (0, t)).ToList(), texts.Count > 1);
    }

    /// <summary>Items of a one-line cell, found by their markers: (1), ①, ア, ●, ・, a leading "2 ".</summary>
    private static (List<(int, string)>, bool) Inline(string text)
    {
        var markers = InlineMarker().Matches(text).Where(m => m.Groups["lead"].Success is false || m.Index == 0).ToList();
        var onlyLead = markers.Count == 1 && markers[0].Groups["lead"].Success;
        if (markers.Count == 0 || onlyLead)
        {
            return ([(0, text)], false);
        }

        var items = new List<(int Level, string Text)>();
        var ranks = new List<int>();
        if (markers[0].Index > 0)
        {
            items.Add((0, text[..markers[0].Index].Trim()));
            ranks.Add(0);
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var m = markers[i];
            var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
            var itemText = text[m.Index..end].Trim();

            // ア・● sit under a (1)/①/"2 " item, a ① under a ● item; an item nests under the
            // nearest earlier item of a higher rank, or stays at the top.
            var rank = m.Groups["kata"].Success || m.Groups["dot"].Success ? 1
                : m.Groups["circ"].Success && items.Count > 0 && items[^1].Text.StartsWith('●') ? 2
                : 0;
            if (m.Groups["bullet"].Success)
            {
                itemText = LeadingBullet().Replace(itemText, "");
            }

            var parent = ranks.FindLastIndex(r => r < rank);
            items.Add((parent < 0 ? 0 : items[parent].Level + 1, itemText));
            ranks.Add(rank);
        }

        if (items.Count == 1 && markers[0].Groups["bullet"].Success)
        {
            return ([(0, items[0].Text)], false);
        }

        return (items, true);
    }

    private static string? LabelFromMethod(string? method)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            return null;
        }

        var quoted = Regex.Match(method, "「(?<q>[^」]+)」");
        if (quoted.Success)
        {
            return quoted.Groups["q"].Value;
        }

        var cut = Regex.Match(method, "による|への|を");
        return cut.Success && cut.Index > 0 ? method[..cut.Index] : method;
    }

    private static string TrimLabel(string text) => text.Trim().TrimEnd('(', '（', ' ').Trim();

    private static string StripTags(string text) => HtmlTag().Replace(text, " ");

    private static decimal ParseDecimal(string digits) =>
        decimal.Parse(Ascii(digits).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Full-width digits and commas as ASCII (for reading numbers only; the text keeps them).</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + c - '０'),
                '，' => ',',
                '．' => '.',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^<>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<=。)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^・\s*")]
    private static partial Regex LeadingBullet();

    [GeneratedRegex(@"\s・\s")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"(?<=^|\s)[\(（](?<n>[0-9０-９]+)[\)）]\s*")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"(?<=^|\s)(?:(?<num>[\(（][0-9０-９]+[\)）])|(?<circ>[①-⑳])|(?<kata>[ア-ン])(?=\s)|(?<dot>●)|(?<bullet>・)(?=\s)|(?<lead>[0-9０-９]+)(?=\s))")]
    private static partial Regex InlineMarker();

    [GeneratedRegex(@"(?<base>[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?)\s*(?<unit>[^\s0-9０-９→～〜()（）,，]{1,5}?)\s*[→⇒➡]\s*(?<target>[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?)\s*\k<unit>")]
    private static partial Regex BaselineTarget();

    [GeneratedRegex(@"(?<![0-9０-９第年度月RＲ和])(?<n>[0-9０-９]+)\s*(?<unit>回|講座|か所|ヶ所|箇所|カ所|事業|件|人|団体|校|社|施設|地区|％|%)")]
    private static partial Regex CountTarget();

    [GeneratedRegex(@"の(増加|減少|向上|維持|拡大)$")]
    private static partial Regex ChangeSuffix();

    [GeneratedRegex(@"を実施$")]
    private static partial Regex DoneSuffix();

    [GeneratedRegex(@"[（(][^()（）]*[)）]$")]
    private static partial Regex ParenthesisedTail();

    [GeneratedRegex(@"通年|年度|随時|未定|上半期|下半期|[0-9０-９]+\s*[月年日]|月|期|末|内|中")]
    private static partial Regex PeriodWords();

    [GeneratedRegex("やや遅れ|遅れ|達成|順調")]
    private static partial Regex StatusWord();
}

using System.Globalization;
using CsvHelper;
using Markdig;
using UedaPublicGoals.Api;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.OpenData;

public sealed record CsvColumn(string Name, string Description);

/// <summary>
/// goals.csv: one row per 方法・手段 (measure) of every published goal, for spreadsheets.
/// UTF-8 with BOM (so Excel reads the Japanese correctly), CRLF line ends, RFC 4180 quoting.
/// </summary>
/// <remarks>
/// Decisions, documented on /opendata/:
/// - Several KPIs on one measure stay on one row: their label, baseline, target, unit,
///   latest value and date are joined with <see cref="KpiSeparator"/> in the same order in
///   each column, and 「KPIの数」 says how many there are. The column set never depends on the data.
/// - An initiative without measures still gets one row (measure columns empty), so no
///   initiative and none of its reports is lost.
/// - Text cells that a spreadsheet would run as a formula (first character = + - @, tab or
///   carriage return) get a leading apostrophe; plain numbers are left alone. goals.json
///   carries the unaltered text.
/// - Markdown (数値目標) is written as plain text; the Markdown itself is in goals.json.
/// </remarks>
public static class GoalsCsv
{
    public const string KpiSeparator = " | ";

    public const string Unreported = "未報告";

    /// <summary>The columns in order, with what each holds; the open-data page lists them from here.</summary>
    public static readonly IReadOnlyList<CsvColumn> Columns =
    [
        new("部局", "部局の名前（例：政策企画部）"),
        new("年度", "和暦の年度（例：令和6年度）"),
        new("年度（西暦）", "4月始まりの西暦の年度（例：2024）"),
        new("優先順位", "重点目標の優先順位（1 = 1位）"),
        new("重点目標", "重点目標の文"),
        new("取組番号", "取組項目の番号（①なら 1）"),
        new("取組項目", "取組項目の見出し"),
        new("方法・手段番号", "方法・手段の番号（(1) なら 1）。方法・手段のない取組項目では空"),
        new("方法・手段", "取組項目及び方法・手段（何をどのように）"),
        new("期間・期限", "いつ・いつまでに。行に記載がなければ取組項目全体の期間"),
        new("数値目標", "どの水準まで（書式を除いた文。箇条書きはセル内で改行）"),
        new("KPIの数", "この行の指標（KPI）の数。2 以上なら次の6列は「 | 」区切りで同じ順に並びます"),
        new("KPI名", "指標の名前"),
        new("KPI基準値", "基準値（記載がなければ空）"),
        new("KPI目標値", "目標値"),
        new("KPI単位", "単位（人、回など）"),
        new("KPI最新値", "最新の実績値（まだなければ空）"),
        new("KPI最新値の日付", "最新の実績の日付（yyyy-MM-dd）"),
        new("最新の報告", "取組項目の最新の報告：期末報告、中間報告、または未報告"),
        new("報告時の進み具合", "その報告での進み具合：順調、やや遅れ、遅れ、達成、または未報告"),
        new("報告日", "その報告の日付（yyyy-MM-dd。未報告なら空）"),
        new("重点目標のURL", "重点目標のページ"),
        new("重点目標ID", "重点目標の変わらない ID（API の /api/v1/goals/{id} と同じ）"),
    ];

    public static IEnumerable<string> Header => Columns.Select(c => c.Name);

    /// <summary>
    /// RFC 4180 with CRLF, a BOM for Excel, and formula protection: a text cell that starts
    /// with = + - @, tab or CR gets a leading apostrophe (Excel and LibreOffice then show it
    /// as text). Numbers are written as numbers, so -5 stays -5.
    /// </summary>
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
    };

    private static readonly CsvWriterOptions RowOptions = new()
    {
        NewLine = Options.NewLine,
        WriteByteOrderMark = false,
        Injection = Options.Injection,
        InjectionEscape = Options.InjectionEscape,
    };

    // Raw HTML stays literal text, as the site shows it (MarkdownRenderer disables it too).
    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().DisableHtml().UseListExtras().Build();

    /// <summary>Builds the file. <paramref name="origin"/> prefixes goal URLs ("" keeps them root-relative).</summary>
    public static byte[] Write(PublishedSite site, string origin, out int rowCount)
    {
        var goals = site.Departments.SelectMany(d => d.Years).SelectMany(y => y.Goals).ToList();
        var rows = goals.Select(goal => WriteRows(goal, origin)).ToList();
        rowCount = rows.Sum(r => r.RowCount);
        return Assemble(rows.Select(r => r.Bytes)).ToArray();
    }

    /// <summary>The file from each goal's rows (see <see cref="WriteRows"/>), in order: BOM and header first.</summary>
    public static ByteSegments Assemble(IEnumerable<byte[]> goalRows) =>
        new([HeaderBytes, .. goalRows.Select(rows => (ReadOnlyMemory<byte>)rows)]);

    /// <summary>The BOM and the header row.</summary>
    private static byte[] HeaderBytes { get; } = WriteHeader();

    private static byte[] WriteHeader()
    {
        using var header = new MemoryStream();
        using (var csv = CsvWriter.Create(header, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header.ToArray());
        }

        return header.ToArray();
    }

    /// <summary>One goal's rows (no BOM, no header): a publish rewrites only the changed goals' rows.</summary>
    public static (byte[] Bytes, int RowCount) WriteRows(PublishedGoal goal, string origin)
    {
        var rowCount = 0;
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, RowOptions, leaveOpen: true))
        {
            foreach (var initiative in goal.Content.Initiatives.OrderBy(i => i.Number))
            {
                var measures = initiative.Measures.OrderBy(m => m.Number).Select(m => (Measure?)m).ToList();
                foreach (var measure in measures.Count == 0 ? [null] : measures)
                {
                    WriteRecord(csv, Row(goal, initiative, measure, origin));
                    rowCount++;
                }
            }
        }

        return (buffer.ToArray(), rowCount);
    }

    private static object[] Row(PublishedGoal goal, Initiative initiative, Measure? measure, string origin)
    {
        var kpis = measure?.Kpis ?? [];
        var latest = kpis.Select(k => k.Measurements.OrderBy(m => m.Date).LastOrDefault()).ToList();
        var report = initiative.FinalReport is { } final ? ("期末報告", final)
            : initiative.MidtermReport is { } midterm ? ("中間報告", midterm)
            : ((string, ProgressReport)?)null;
        return
        [
            goal.Department.Name,
            goal.Year.Label,
            goal.Year.Year,
            goal.Content.Priority,
            goal.Content.Title,
            initiative.Number,
            initiative.Title,
            measure is null ? "" : (object)measure.Number,
            measure?.Method ?? "",
            measure?.Period ?? initiative.Period ?? "",
            measure is null ? "" : PlainText(measure.Target),
            kpis.Count,
            Join(kpis.Select(k => k.Label)),
            Numbers(kpis.Select(k => k.Baseline)),
            Numbers(kpis.Select(k => (decimal?)k.Target)),
            Join(kpis.Select(k => k.Unit)),
            Numbers(latest.Select(m => m?.Value)),
            Join(latest.Select(m => m?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            report?.Item1 ?? Unreported,
            report?.Item2.Status.ToJapanese() ?? Unreported,
            report?.Item2.ReportedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            origin + goal.Url,
            goal.DocumentId.ToString("D"),
        ];
    }

    private static void WriteRecord(CsvWriter csv, object[] cells)
    {
        foreach (var cell in cells)
        {
            switch (cell)
            {
                case int number:
                    csv.WriteField(number, "");
                    break;
                case decimal number:
                    csv.WriteField(number, NumberFormat);
                    break;
                case string text:
                    csv.WriteField(text);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected CSV cell type {cell.GetType().Name}.");
            }
        }

        csv.EndRecord();
    }

    private static string PlainText(string? markdownText)
    {
        if (string.IsNullOrWhiteSpace(markdownText))
        {
            return "";
        }

        // Keep the line breaks of lists inside the (quoted) cell; spreadsheets show them as such.
        var lines = Markdown.ToPlainText(markdownText, PlainTextPipeline).ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join("\n", lines);
    }

    /// <summary>Values of several KPIs in order; empty when none of them has one (not a bare " | ").</summary>
    private static string Join(IEnumerable<string?> values)
    {
        var list = values.ToList();
        return list.All(string.IsNullOrEmpty) ? "" : string.Join(KpiSeparator, list.Select(v => v ?? ""));
    }

    /// <summary>One KPI: the number itself (a spreadsheet sees a number). Several: their values joined as text.</summary>
    private static object Numbers(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return list.Count == 1 && list[0] is { } single
            ? single
            : Join(list.Select(v => v?.ToString(NumberFormat, CultureInfo.InvariantCulture)));
    }

    // 17000, 12.5: no thousands separators and no trailing zeros, whatever the stored scale.
    private const string NumberFormat = "0.##########";
}

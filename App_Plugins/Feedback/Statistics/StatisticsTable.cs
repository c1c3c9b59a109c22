using System.Globalization;
using UedaPublicGoals.Feedback.Export;

namespace UedaPublicGoals.Feedback.Statistics;

/// <summary>
/// The statistics page as one table of 集計 / 項目 / 件数 rows, for the CSV download: every count
/// the page shows, in the page's order, so a 審議会 document can be made from it in Excel.
/// </summary>
public static class StatisticsTable
{
    public static CommentExportTable Build(StatisticsReport report, string conditions)
    {
        var rows = new List<IReadOnlyList<string>> { Row("集計の条件", conditions, null), Row("合計", "集計した意見", report.Total) };
        Add(rows, "状態別", report.ByStatus);
        Add(rows, "年代別", report.ByAge);
        Add(rows, "分野別", report.ByField);
        Add(rows, "受付経路別", report.ByChannel);
        foreach (var cross in new[] { report.AgeByField, report.FieldByChannel })
        {
            for (var row = 0; row < cross.Rows.Count; row++)
            {
                for (var column = 0; column < cross.Columns.Count; column++)
                {
                    rows.Add(Row(cross.Caption, $"{cross.Rows[row]} × {cross.Columns[column]}", cross.Counts[row][column]));
                }
            }
        }

        Add(rows, report.Interval == StatisticsInterval.Day ? "日ごとの推移" : "週ごとの推移（週の初めの月曜日）", report.OverTime);
        return new CommentExportTable([new ExportColumn("集計", 24), new ExportColumn("項目", 40), new ExportColumn("件数", 10)], rows);
    }

    private static void Add(List<IReadOnlyList<string>> rows, string table, IReadOnlyList<CountRow> counts) =>
        rows.AddRange(counts.Select(c => Row(table, c.Label, c.Count)));

    private static IReadOnlyList<string> Row(string table, string item, int? count) =>
        [table, item, count?.ToString(CultureInfo.InvariantCulture) ?? ""];
}

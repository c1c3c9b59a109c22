using System.Globalization;
using UedaPublicGoals.Feedback.Export;

namespace UedaPublicGoals.Feedback.ResultNotice;

/// <summary>The notice's opinions as one table (番号 to 反映状況), for CSV with the export's rules (BOM, CRLF, no formulas).</summary>
public static class NoticeCsv
{
    public static byte[] Write(NoticeDocument notice)
    {
        var columns = new List<ExportColumn>
        {
            new("番号", 6), new("分類", 20), new("分野", 24), new("受付経路", 16),
            new("意見（要旨）", 60), new("要旨か全文か", 10), new("市の考え方", 60), new("反映状況", 10),
        };
        var rows = notice.Categories
            .SelectMany(category => category.Opinions.Select(o => (IReadOnlyList<string>)
            [
                o.Number.ToString(CultureInfo.InvariantCulture), category.Name, o.Field ?? "", o.Channel,
                o.Opinion, o.IsGist ? "要旨" : "全文", o.CityResponse, o.Uptake,
            ]))
            .ToList();
        return CsvCommentWriter.Write(new CommentExportTable(columns, rows));
    }
}

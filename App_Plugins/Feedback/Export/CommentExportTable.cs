using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Export;

/// <summary>One export as plain text cells: the same header and rows go to CSV and to .xlsx.</summary>
public sealed record CommentExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A column's Japanese header and its width in Excel character units.</summary>
public sealed record ExportColumn(string Header, double Width);

/// <summary>Which columns an export carries, decided by what the officer asked for and may see.</summary>
public sealed record ExportOptions(bool IncludeHidden, bool IncludeContacts);

public static class CommentExportBuilder
{
    public const string HiddenColumn = "非表示";

    public static CommentExportTable Build(
        IReadOnlyList<Comment> comments,
        IReadOnlyDictionary<int, string> consultationTitles,
        ExportOptions options,
        Func<Comment, ContactDetails> readContact)
    {
        var columns = new List<ExportColumn>
        {
            new("受付番号", 12), new("受付日", 12), new("受付経路", 16), new("意見募集", 24),
            new("分野", 24), new("年代", 14), new("住まい", 16), new("意見", 60),
            new("送られたページ（重点目標）", 30), new("取組", 30), new("状態", 12), new("担当者", 24),
            new("市の考え方", 50), new("結果ページに公開", 10),
        };
        if (options.IncludeHidden)
        {
            columns.Add(new(HiddenColumn, 24));
        }

        if (options.IncludeContacts)
        {
            columns.Add(new("ニックネーム", 16));
            columns.Add(new("返信用メールアドレス", 30));
        }

        var rows = new List<IReadOnlyList<string>>(comments.Count);
        foreach (var c in comments)
        {
            var row = new List<string>(columns.Count)
            {
                c.ReceiptNumber,
                TokyoTime.IsoDate(c.ReceivedUtc),
                FeedbackLabels.Of(c.Channel),
                consultationTitles.TryGetValue(c.ConsultationId, out var title) ? title : "",
                c.Field ?? "",
                c.AgeGroup is { } age ? FeedbackLabels.Of(age) : "",
                c.Residence is { } residence ? FeedbackLabels.Of(residence) : "",
                c.Text,
                c.GoalTitle ?? "",
                c.InitiativeTitle ?? "",
                FeedbackLabels.Of(c.Status),
                c.AssigneeEmail ?? "",
                c.CityResponse ?? "",
                c.IsPublished ? "公開" : "",
            };
            if (options.IncludeHidden)
            {
                row.Add(c.Status == CommentStatus.Hidden ? c.HiddenReason ?? "理由なし" : "");
            }

            if (options.IncludeContacts)
            {
                var contact = readContact(c);
                var unavailable = contact.State switch
                {
                    ContactState.Purged => "（保存期間経過のため削除済み）",
                    ContactState.Unreadable => "（読み出せません）",
                    _ => "",
                };
                row.Add(contact.Nickname ?? unavailable);
                row.Add(contact.ReplyEmail ?? unavailable);
            }

            // Rows stored before the input boundary cleaned text may still hold characters XML cannot carry.
            rows.Add(row.Select(Forms.HostileText.Clean).ToList());
        }

        return new CommentExportTable(columns, rows);
    }
}

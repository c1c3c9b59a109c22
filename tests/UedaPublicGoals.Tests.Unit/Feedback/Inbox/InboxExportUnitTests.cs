using UedaPublicGoals.Feedback.Export;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Tests.Unit.Feedback.Inbox;

public sealed class InboxExportUnitTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+81 268", "'+81 268")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("バス=便利", "バス=便利")]
    [InlineData(" =1+1", " =1+1")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_get_a_leading_apostrophe(string cell, string expected) =>
        Assert.Equal(expected, SpreadsheetText.DefuseFormula(cell));

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(52, "AZ")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Spreadsheet_column_names_follow_Excels_lettering(int number, string name) =>
        Assert.Equal(name, XlsxCommentWriter.ColumnName(number));

    [Fact]
    public void Contact_columns_say_why_a_contact_is_missing()
    {
        var comments = new List<Comment>
        {
            new() { ReceiptNumber = "R8-000001", Text = "a", ConsultationId = 1 },
            new() { ReceiptNumber = "R8-000002", Text = "b", ConsultationId = 1 },
            new() { ReceiptNumber = "R8-000003", Text = "c", ConsultationId = 1, Status = CommentStatus.Hidden, HiddenReason = "スパム" },
        };
        var contacts = new Dictionary<string, ContactDetails>
        {
            ["R8-000001"] = new("はなこ", "hanako@example.jp", ContactState.Available),
            ["R8-000002"] = new(null, null, ContactState.Purged),
            ["R8-000003"] = new("x", null, ContactState.Unreadable),
        };

        var table = CommentExportBuilder.Build(comments, new Dictionary<int, string> { [1] = "総合計画" }, new ExportOptions(IncludeHidden: true, IncludeContacts: true), c => contacts[c.ReceiptNumber]);

        Assert.Equal(["非表示", "ニックネーム", "返信用メールアドレス"], table.Columns.TakeLast(3).Select(c => c.Header));
        Assert.Equal(["", "はなこ", "hanako@example.jp"], table.Rows[0].TakeLast(3));
        Assert.Equal(["", "（保存期間経過のため削除済み）", "（保存期間経過のため削除済み）"], table.Rows[1].TakeLast(3));
        Assert.Equal(["スパム", "x", "（読み出せません）"], table.Rows[2].TakeLast(3));
        Assert.All(table.Rows, row => Assert.Equal(table.Columns.Count, row.Count));
        Assert.Equal("総合計画", table.Rows[0][3]);
    }

    [Fact]
    public void Without_the_options_there_are_no_hidden_or_contact_columns()
    {
        var table = CommentExportBuilder.Build([], new Dictionary<int, string>(), new ExportOptions(false, false), _ => throw new InvalidOperationException("contacts must not be read"));
        Assert.DoesNotContain(table.Columns, c => c.Header is "非表示" or "ニックネーム" or "返信用メールアドレス");
    }

    [Fact]
    public void The_csv_quotes_only_where_RFC_4180_needs_it_and_ends_every_record_with_CRLF()
    {
        var table = new CommentExportTable(
            [new("a", 1), new("b", 1), new("c", 1)],
            [["plain", "with, comma", "with \"quote\""], ["line\nbreak", "", "=1"]]);
        var text = System.Text.Encoding.UTF8.GetString(CsvCommentWriter.Write(table));
        Assert.Equal("\uFEFFa,b,c\r\nplain,\"with, comma\",\"with \"\"quote\"\"\"\r\n\"line\nbreak\",,'=1\r\n", text);
    }
}

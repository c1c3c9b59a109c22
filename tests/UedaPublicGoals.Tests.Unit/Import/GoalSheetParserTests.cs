using Newtonsoft.Json.Linq;
using UedaPublicGoals.Backoffice.Import;

namespace UedaPublicGoals.Tests.Unit.Import;

public sealed class GoalSheetParserTests
{
    private static readonly DateOnly Today = new(2024, 10, 15);

    [Fact]
    public void The_text_export_holds_four_sheets_in_the_layout()
    {
        var grids = SeedSheets.Grids();
        Assert.Equal(4, grids.Count);
        Assert.All(grids, g => Assert.True(GoalSheetParser.HasLayout(g)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_sheet_of_the_export_reads_as_the_hand_transcription_field_by_field(int sheet)
    {
        var parsed = GoalSheetParser.ParseAll(SeedSheets.Grids(), Today)[sheet];
        Assert.True(parsed.Problems.Count == 0, string.Join("\n", parsed.Problems));
        Assert.Equal("政策企画部", parsed.DepartmentName);
        Assert.Equal(2024, parsed.FiscalYear);

        var expected = SeedSheets.WithoutKpiKeys(SeedSheets.HandTranscribed(SeedSheets.Slugs[sheet]));
        var actual = SeedSheets.WithoutKpiKeys(parsed.Content);
        foreach (var field in expected.Descendants().OfType<JValue>())
        {
            Assert.True(JToken.DeepEquals(field, actual.SelectToken(field.Path)), $"{field.Path}: expected {field.ToString(Newtonsoft.Json.Formatting.None)}, read {actual.SelectToken(field.Path)?.ToString(Newtonsoft.Json.Formatting.None) ?? "(missing)"}");
        }

        Assert.True(JToken.DeepEquals(expected, actual));
    }

    [Fact]
    public void The_generated_workbook_reads_as_the_text_export()
    {
        var workbook = XlsxWorkbookReader.Read(File.ReadAllBytes(SeedSheets.WorkbookFile));
        Assert.Empty(workbook.Notices);
        Assert.Equal(["シート1", "シート2", "シート3", "シート4"], workbook.Sheets.Select(s => s.Name));

        var fromWorkbook = GoalSheetParser.ParseAll(workbook.Sheets, Today);
        var fromText = GoalSheetParser.ParseAll(SeedSheets.Grids(), Today);
        Assert.Equal(4, fromWorkbook.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(fromWorkbook[i].Problems.Count == 0, string.Join("\n", fromWorkbook[i].Problems));
            Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(fromText[i].Content), Newtonsoft.Json.JsonConvert.SerializeObject(fromWorkbook[i].Content));
            Assert.Equal(fromText[i].DepartmentName, fromWorkbook[i].DepartmentName);
            Assert.Equal(fromText[i].FiscalYear, fromWorkbook[i].FiscalYear);
        }
    }
}

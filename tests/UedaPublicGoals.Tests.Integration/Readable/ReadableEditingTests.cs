using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Readable;

/// <summary>
/// What staff edit for issue 8: a 達成度 override only with a reason (and data), やさしい日本語
/// with readability hints, and the reporting months of a fiscal year.
/// </summary>
public sealed class ReadableEditingTests : IDisposable
{
    private const string LineKpi = "Initiatives[0].Measures[2].Kpis[0]";
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private string Koho => $"/backoffice/goals/{EditorPages.GoalId(portal, EditorPages.Koho)}";

    private async Task<BackofficeSession> PublicRelationsAsync() =>
        await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);

    private Task<int> VersionCountAsync() =>
        EditorPages.InDatabaseAsync(portal, db => db.Versions.CountAsync(v => v.DocumentId == EditorPages.GoalId(portal, EditorPages.Koho)));

    /// <summary>The editor form with one LINE 友だち measurement row added (a submit button, no JavaScript).</summary>
    private async Task<SubmittedForm> FormWithMeasurementRowAsync(BackofficeSession session)
    {
        var form = await session.ReadFormAsync(Koho);
        var added = await session.PostAsync(Koho, form.With("command", "add-measurement:1.3.1"));
        form = EditorPages.FormOf(HtmlText.Parse(await added.Content.ReadAsStringAsync()));
        form.Without("command");
        return form;
    }

    [Fact]
    public async Task A_grade_override_needs_a_written_reason_and_a_measured_value_and_nothing_is_saved_without_them()
    {
        var session = await PublicRelationsAsync();
        var versions = await VersionCountAsync();

        // No measurement yet: an override cannot stand on nothing; and the reason is missing.
        var form = await session.ReadFormAsync(Koho);
        form[$"{LineKpi}.GradeOverride"] = "A";
        var response = await session.PostAsync(Koho, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(page, $"{LineKpi}.GradeOverride", "実績がないため、達成度を付けられません");
        EditorPages.AssertFieldError(page, $"{LineKpi}.GradeOverrideReason", "達成度を変える理由を書いてください");
        Assert.Equal("A", EditorPages.FormOf(page)[$"{LineKpi}.GradeOverride"]);

        // A reason alone is not an override either.
        form = await session.ReadFormAsync(Koho);
        form[$"{LineKpi}.GradeOverrideReason"] = "理由だけ";
        page = HtmlText.Parse(await (await session.PostAsync(Koho, form)).Content.ReadAsStringAsync());
        EditorPages.AssertFieldError(page, $"{LineKpi}.GradeOverride", "理由だけが入力されています");
        Assert.Equal("理由だけ", EditorPages.FormOf(page)[$"{LineKpi}.GradeOverrideReason"]);
        Assert.Equal(versions, await VersionCountAsync());
    }

    [Fact]
    public async Task An_override_with_data_and_a_reason_is_published_beside_the_computed_grade()
    {
        var session = await PublicRelationsAsync();
        var form = await FormWithMeasurementRowAsync(session);
        form[$"{LineKpi}.Measurements[0].Date"] = "2024-10-01";
        form[$"{LineKpi}.Measurements[0].Value"] = "14,500";          // 18 % of the way: B by the rule
        form[$"{LineKpi}.GradeOverride"] = "A";
        form[$"{LineKpi}.GradeOverrideReason"] = "10月に登録キャンペーンを始め、11月以降の大きな増加が確実なため。";
        var saved = await session.PostAsync($"{Koho}/publish", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/koho/");
        var page = HtmlText.Parse(html);
        var grade = page.QuerySelector("#kpi-line-friends-text")!.ParentElement!.QuerySelector(".kpi__grade")!;
        // "（決め方の説明へ）" is visually hidden: the link's name says where it leads.
        Assert.Equal("達成度 A（決め方の説明へ）", grade.QuerySelector("a.grade")!.TextContent.Trim());
        Assert.Equal("/tasseido/#grade-a", grade.QuerySelector("a.grade")!.GetAttribute("href"));
        Assert.Equal("市が判断しました（計算では B）。理由：10月に登録キャンペーンを始め、11月以降の大きな増加が確実なため。", grade.QuerySelector(".kpi__grade-reason")!.TextContent.Trim());

        // The いまの状況 row shows the measured value against the target, with a bar and its words.
        var row = page.QuerySelectorAll(".status-row")[0];
        Assert.Contains("14,500人／目標 17,000人", HtmlText.Collapse(row.TextContent));
        Assert.Equal("18", row.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Contains("18%", row.QuerySelector("progress")!.GetAttribute("aria-label"));

        // The API carries the override and its reason; the other KPIs say null.
        var api = Newtonsoft.Json.Linq.JObject.Parse(await portal.CreatePublicClient().GetStringAsync($"/api/v1/goals/{EditorPages.GoalId(portal, EditorPages.Koho):D}"));
        var kpis = api.SelectTokens("$.initiatives[*].measures[*].kpis[*]").ToList();
        Assert.Equal("A", (string?)kpis[0]["gradeOverride"]);
        Assert.StartsWith("10月に登録キャンペーン", (string?)kpis[0]["gradeOverrideReason"]);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, kpis[1]["gradeOverride"]!.Type);
    }

    [Fact]
    public async Task A_plain_summary_is_shown_first_with_readability_hints_for_the_author_and_null_in_the_api_until_written()
    {
        var id = EditorPages.GoalId(portal, EditorPages.Koho);
        var api = Newtonsoft.Json.Linq.JObject.Parse(await portal.CreatePublicClient().GetStringAsync($"/api/v1/goals/{id:D}"));
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, api["plainSummary"]!.Type);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, api["initiatives"]![0]!["plainSummary"]!.Type);

        var session = await PublicRelationsAsync();
        var form = await session.ReadFormAsync(Koho);
        form["PlainSummary.InOneLine"] = "市の おしらせを もっと 見てもらえるように します。";
        form["PlainSummary.Why"] = "市民意見聴取結果分析報告書作成業務委託を実施したため。";
        form["Initiatives[1].PlainSummary.What"] = "市の しょくいんが つたえかたを ならいます。";
        var saved = await session.PostAsync(Koho, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // On save the editor shows the figures beside each written field.
        var editor = HtmlText.Parse(await session.Client.GetStringAsync(Koho));
        var plain = editor.GetElementById("PlainSummary_InOneLine-readability")!;
        Assert.Contains("漢字 ", plain.TextContent);
        Assert.Contains("目安の範囲内です。", plain.TextContent);
        var hard = editor.GetElementById("PlainSummary_Why-readability")!;
        Assert.Contains("漢字の割合が", hard.TextContent);
        Assert.Contains("「市民意見聴取結果分析報告書作成業務委託」", hard.TextContent);
        Assert.Contains("PlainSummary_Why-readability", editor.GetElementById("PlainSummary_Why")!.GetAttribute("aria-describedby"));

        form = await session.ReadFormAsync(Koho);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync($"{Koho}/publish", form)).StatusCode);
        var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/koho/");
        var page = HtmlText.Parse(html);
        var summary = page.QuerySelector("section.plain-summary")!;
        Assert.Equal(["ひとことで", "なぜ"], summary.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.True(summary.CompareDocumentPosition(page.GetElementById("situation")!).HasFlag(DocumentPositions.Following));
        Assert.Null(page.QuerySelector(".notice--quiet"));
        Assert.Contains("市の しょくいんが つたえかたを ならいます。", page.GetElementById("initiative-2")!.QuerySelector(".plain-summary")!.TextContent);

        api = Newtonsoft.Json.Linq.JObject.Parse(await portal.CreatePublicClient().GetStringAsync($"/api/v1/goals/{id:D}"));
        Assert.Equal("市の おしらせを もっと 見てもらえるように します。", (string?)api["plainSummary"]!["inOneLine"]);
        Assert.Equal(Newtonsoft.Json.Linq.JTokenType.Null, api["plainSummary"]!["byWhen"]!.Type);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("0")]
    [InlineData("じゅう")]
    public async Task A_reporting_month_outside_1_to_12_is_explained_next_to_the_field_and_nothing_is_saved(string month)
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var yearId = await EditorPages.R6YearIdAsync(portal);
        var response = await session.PostFormAsync($"/backoffice/structure/years/{yearId}", $"/backoffice/structure/years/{yearId}",
            new() { ["Year"] = "2024", ["Slug"] = "r6", ["Heading"] = "令和6年度 重点目標", ["MidtermReportMonth"] = month, ["FinalReportMonth"] = "3" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("中間報告の公開予定月は1から12までの数字で入力してください", page.GetElementById("MidtermReportMonth-error")!.TextContent);
        Assert.Equal(month, page.GetElementById("MidtermReportMonth")!.GetAttribute("value"));
        Assert.Equal(10, await EditorPages.InDatabaseAsync(portal, db => db.FiscalYears.Where(y => y.Id == yearId).Select(y => y.MidtermReportMonth).SingleAsync()));
    }

    [Fact]
    public async Task A_changed_reporting_month_moves_the_due_date_on_the_public_page()
    {
        var session = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PublicRelations);
        var yearId = await EditorPages.R6YearIdAsync(portal);
        var response = await session.PostFormAsync($"/backoffice/structure/years/{yearId}", $"/backoffice/structure/years/{yearId}",
            new() { ["Year"] = "2024", ["Slug"] = "r6", ["Heading"] = "令和6年度 重点目標", ["MidtermReportMonth"] = "9", ["FinalReportMonth"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/koho/");
        var pending = HtmlText.Parse(html).QuerySelectorAll(".report--unreported .unreported").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(pending, t => t.StartsWith("中間報告：", StringComparison.Ordinal) && t.Contains("2024年9月", StringComparison.Ordinal));
        Assert.Contains(pending, t => t.StartsWith("期末報告：", StringComparison.Ordinal) && t.Contains("2025年2月", StringComparison.Ordinal));
    }
}

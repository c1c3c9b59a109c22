using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using UedaPublicGoals.Api;
using UedaPublicGoals.Api.Payloads;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Tests.Unit.Api;

public sealed class ApiBuildingBlocksTests
{
    [Theory]
    [InlineData("https://news.example.jp", "https://news.example.jp")]
    [InlineData("https://News.Example.jp/", "https://news.example.jp")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    [InlineData(" https://news.example.jp ", "https://news.example.jp")]
    [InlineData("https://news.example.jp/graphics", null)]
    [InlineData("https://news.example.jp/?q=1", null)]
    [InlineData("https://*.example.jp", null)]
    [InlineData("*", null)]
    [InlineData("news.example.jp", null)]
    [InlineData("ftp://news.example.jp", null)]
    [InlineData("", null)]
    public void Only_bare_http_origins_are_accepted_for_cors(string configured, string? expected) =>
        Assert.Equal(expected, ApiOptions.NormalizeOrigin(configured));

    [Fact]
    public void Invalid_origins_are_named_for_the_start_up_error()
    {
        var options = new ApiOptions { CorsOrigins = ["https://ok.example.jp", "https://bad.example.jp/path"] };
        Assert.Equal(["https://bad.example.jp/path"], options.InvalidCorsOrigins());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"other\", W/\"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("W/\"abcd\"", false)]
    public void If_none_match_compares_weakly_and_accepts_lists_and_any(string? ifNoneMatch, bool notModified)
    {
        var context = new DefaultHttpContext();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        Assert.Equal(notModified, CacheableContentResult.IsNotModified(context.Request, new EntityTagHeaderValue("\"abc\"", isWeak: true)));
    }

    [Fact]
    public void The_etag_is_weak_and_follows_the_bytes()
    {
        var a = CacheableContentResult.ETagFor("{\"a\":1}"u8);
        Assert.True(a.IsWeak);
        Assert.Equal(a, CacheableContentResult.ETagFor("{\"a\":1}"u8));
        Assert.NotEqual(a, CacheableContentResult.ETagFor("{\"a\":2}"u8));
    }

    [Fact]
    public async Task A_body_kept_in_pieces_is_written_and_tagged_as_the_joined_bytes()
    {
        // Larger than one flush, with an empty piece: every byte in order, exactly once.
        var pieces = Enumerable.Range(0, 40).Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(new string((char)('a' + (i % 26)), i * 3000))).ToList();
        var joined = pieces.SelectMany(p => p.ToArray()).ToArray();
        var segments = new ByteSegments(pieces);

        Assert.Equal(joined.Length, segments.Length);
        Assert.Equal(joined, segments.ToArray());
        Assert.Equal(CacheableContentResult.ETagFor(joined), CacheableContentResult.ETagFor(segments));

        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await segments.WriteToAsync(context.Response, CancellationToken.None);
        Assert.Equal(joined, body.ToArray());
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("r6", 2024)]
    [InlineData("2023", null)]
    [InlineData("R6", null)]
    [InlineData("+2024", null)]
    [InlineData(" 2024", null)]
    [InlineData("2024.0", null)]
    public void A_year_is_found_by_western_year_or_slug(string segment, int? expected)
    {
        var department = new PublishedDepartment("seisaku-kikaku", "政策企画部");
        department.Years.Add(new PublishedFiscalYear(department, 2024, "r6", "令和6年度 重点目標"));
        Assert.Equal(expected, DeliveryApiController.FindYear(department, segment)?.Year);
    }

    [Fact]
    public void Json_writes_plain_numbers_iso_dates_camel_case_and_explicit_nulls()
    {
        var measurement = new KpiMeasurementPayload(new DateOnly(2024, 10, 1), 17000.00m, null);
        var json = Encoding.UTF8.GetString(ApiJson.SerializeToUtf8(new { measurement, Fraction = 12.50m, When = new DateTime(2024, 4, 1, 9, 30, 0, DateTimeKind.Utc), Status = ProgressStatus.SlightlyBehind }));
        Assert.Equal("{\"measurement\":{\"date\":\"2024-10-01\",\"value\":17000,\"note\":null},\"fraction\":12.5,\"when\":\"2024-04-01T09:30:00Z\",\"status\":\"slightlyBehind\"}", json);
    }

    [Fact]
    public void Blank_text_is_reported_as_null_and_measures_borrow_the_initiative_period()
    {
        var department = new PublishedDepartment("d", "部");
        var year = new PublishedFiscalYear(department, 2024, "r6", "令和6年度");
        var content = new GoalContent
        {
            Title = "目標",
            Priority = 1,
            CurrentSituation = "  \n ",
            SdgGoals = [17, 4],
            Initiatives =
            [
                new Initiative
                {
                    Number = 1,
                    Title = "取組",
                    Period = "年度内",
                    Measures =
                    [
                        new Measure
                        {
                            Number = 1,
                            Kpis =
                            [
                                new Kpi
                                {
                                    Key = "k",
                                    Label = "指標",
                                    Unit = "回",
                                    Target = 3,
                                    Measurements = [new() { Date = new DateOnly(2024, 12, 1), Value = 2 }, new() { Date = new DateOnly(2024, 6, 1), Value = 1 }],
                                },
                            ],
                        },
                    ],
                },
            ],
            SpecialNotes = new SpecialNotes { CitizenParticipation = "" },
        };
        var goal = new PublishedGoal(Guid.NewGuid(), year, "g", 3, new DateTime(2024, 5, 1), content);

        var payload = new PayloadMapper("https://goals.example.jp").Goal(goal);

        Assert.Null(payload.CurrentSituation);
        Assert.Null(payload.SpecialNotes.CitizenParticipation);
        Assert.Equal([4, 17], payload.SdgGoals);
        Assert.Equal(DateTimeKind.Utc, payload.PublishedAt.Kind);
        var measure = Assert.Single(Assert.Single(payload.Initiatives).Measures);
        Assert.Equal("年度内", measure.Period);
        var kpi = Assert.Single(measure.Kpis);
        Assert.Equal([new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 1)], kpi.Measurements.Select(m => m.Date));
        Assert.Equal(2, kpi.Latest!.Value);
        Assert.Equal("https://goals.example.jp/d/r6/g/", payload.Url);
        Assert.Equal($"https://goals.example.jp/api/v1/goals/{goal.DocumentId:D}", payload.ApiUrl);
    }
}

public sealed class ApiOptionsValidatorTests
{
    [Fact]
    public void A_bad_origin_or_negative_max_age_stops_start_up_naming_the_value()
    {
        var result = new ApiOptionsValidator().Validate(null, new ApiOptions { CorsOrigins = ["https://ok.example.jp", "https://*.example.jp"], CacheMaxAgeSeconds = -1 });
        Assert.True(result.Failed);
        Assert.Contains("https://*.example.jp", result.FailureMessage);
        Assert.Contains("-1", result.FailureMessage);
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions { CorsOrigins = ["https://ok.example.jp"] }).Succeeded);
    }
}

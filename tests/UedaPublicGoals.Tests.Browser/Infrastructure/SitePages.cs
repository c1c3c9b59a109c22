namespace UedaPublicGoals.Tests.Browser.Infrastructure;

/// <summary>Public URLs of the seeded portal (政策企画部 令和6年度, four goals, three pages).</summary>
public static class SitePages
{
    public const string Home = "/";
    public const string Department = "/seisaku-kikaku/";
    public const string Year = "/seisaku-kikaku/r6/";
    public const string About = "/pages/about";
    public const string Privacy = "/pages/privacy";
    public const string Accessibility = "/pages/accessibility";
    public const string ApiGuide = "/api/";
    public const string OpenData = "/opendata/";

    /// <summary>Any unknown path: the site answers 404 with its own Japanese error page.</summary>
    public const string NotFound = "/kono-peji-wa-arimasen/";

    public static readonly string[] GoalSlugs = ["sogo-keikaku", "smart-city", "gakuen-toshi", "koho"];

    public static string Goal(string slug) => $"/seisaku-kikaku/r6/{slug}/";

    /// <summary>The same goal page with ふりがな (ruby over every kanji).</summary>
    public static string FuriganaGoal(string slug) => Goal(slug) + "?furigana=on";

    /// <summary>用語集.</summary>
    public const string Glossary = "/yogo/";

    /// <summary>The koho goal, whose wording the tests quote from its sheet (content-seed/source, sheet 4).</summary>
    public static class Koho
    {
        public const string Url = "/seisaku-kikaku/r6/koho/";
        public const string Title = "総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進";
        public const string FirstInitiative = "市民が共感できる効果的な情報発信の推進";
        public const string SecondInitiative = "市民に伝わる情報発信への取組";
        public const string KpiLabel = "LINE友だち登録者数";
        public const string KpiText = "目標 17,000人（基準値 13,967人）。実績はまだ報告されていません。";
    }
}

using System.Globalization;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Public;

public static class StatusCss
{
    public static string For(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "status--on-track",
        ProgressStatus.SlightlyBehind => "status--slightly-behind",
        ProgressStatus.Behind => "status--behind",
        ProgressStatus.Achieved => "status--achieved",
        _ => "status--unreported",
    };
}

public static class Numbering
{
    /// <summary>①…⑳ as on the sheets; plain digits beyond.</summary>
    public static string Circled(int number) =>
        number is >= 1 and <= 20 ? ((char)('①' + number - 1)).ToString() : $"({number})";
}

/// <summary>Where the comment links of public pages go (the feedback module's entry points).</summary>
public static class CommentLinks
{
    /// <summary>寄せられた意見と市の考え方 of the default consultation.</summary>
    public const string Results = "/iken/results";

    public const string General = "/iken/";

    /// <summary>どんな人から意見を聞いたか of the default consultation.</summary>
    public const string Participation = "/iken/participation";

    public static string ForGoal(Guid documentId) => $"/iken/?goal={documentId:D}";

    public static string ForInitiative(Guid documentId, int initiativeNumber) => $"/iken/?goal={documentId:D}&initiative={initiativeNumber}";
}

/// <summary>
/// What a KPI shows: the target alone until something is measured, then a progress bar
/// whose text equivalent says the same in words.
/// </summary>
public sealed record KpiProgress(Kpi Kpi)
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    public KpiMeasurement? Latest { get; } = Kpi.Measurements.OrderBy(m => m.Date).LastOrDefault();

    public bool HasMeasurement => Latest is not null;

    /// <summary>0–100: share of the way from the baseline (or zero) to the target.</summary>
    public int Percent
    {
        get
        {
            if (Latest is null)
            {
                return 0;
            }

            var start = Kpi.Baseline ?? 0m;
            var span = Kpi.Target - start;
            if (span == 0)
            {
                return Latest.Value >= Kpi.Target ? 100 : 0;
            }

            var share = (Latest.Value - start) / span;
            return (int)Math.Round(Math.Clamp(share, 0m, 1m) * 100m, MidpointRounding.AwayFromZero);
        }
    }

    public string Format(decimal value) => value.ToString("#,0.##", Japanese) + Kpi.Unit;

    public string TargetText => Kpi.Baseline is { } baseline
        ? $"目標 {Format(Kpi.Target)}（基準値 {Format(baseline)}）"
        : $"目標 {Format(Kpi.Target)}";

    /// <summary>The sentence a screen reader and a reader without colour vision both get.</summary>
    public string Text => Latest is null
        ? $"{TargetText}。実績はまだ報告されていません。"
        : $"{TokyoTime.LongDate(Latest.Date)}時点で {Format(Latest.Value)}。{TargetText}に対して進捗 {Percent}%。";
}

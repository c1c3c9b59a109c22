using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Statistics;

/// <summary>The few facts the statistics need about one comment.</summary>
public sealed record StatisticsPoint(AgeGroup? AgeGroup, string? Field, CommentChannel Channel, DateTime ReceivedUtc, CommentStatus Status = CommentStatus.New);

/// <summary>A labelled count; <paramref name="Withheld"/> (e.g. 「5未満」) is shown instead of a number withheld from the public.</summary>
public sealed record CountRow(string Label, int Count, string? Withheld = null);

/// <summary>Rows × columns of counts, with totals; the rows and columns include 未回答 where it occurs.</summary>
public sealed record CrossTable(string Caption, string RowHeading, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public int RowTotal(int row) => Counts[row].Sum();

    public int ColumnTotal(int column) => Counts.Sum(r => r[column]);

    public int Total => Counts.Sum(r => r.Sum());
}

public enum StatisticsInterval
{
    Week,
    Day,
}

public sealed record StatisticsReport(
    int Total,
    IReadOnlyList<CountRow> ByAge,
    IReadOnlyList<CountRow> ByField,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<CountRow> ByStatus,
    CrossTable AgeByField,
    CrossTable FieldByChannel,
    IReadOnlyList<CountRow> OverTime,
    StatisticsInterval Interval,
    bool IntervalWidened);

/// <summary>
/// Counts comments by 年代, 分野 and 受付経路 and over time. Every category is listed even at zero,
/// so two reports compare line by line; a comment that did not say is counted as 未回答.
/// </summary>
public static class CommentStatistics
{
    public const string NotAnswered = "未回答";

    /// <summary>More days than this in one chart is unreadable; the report switches to weeks.</summary>
    public const int MaxDays = 92;

    public static StatisticsReport Compute(IReadOnlyList<StatisticsPoint> points, IReadOnlyList<string> knownFields, StatisticsInterval interval, DateOnly? from, DateOnly? to)
    {
        var ages = Enum.GetValues<AgeGroup>().Select(FeedbackLabels.Of).Append(NotAnswered).ToList();
        var fields = knownFields.Concat(points.Where(p => p.Field is not null).Select(p => p.Field!)).Distinct().Append(NotAnswered).ToList();
        var channels = Enum.GetValues<CommentChannel>().Select(FeedbackLabels.Of).ToList();
        // Hidden comments are never counted, so 非表示 is not a row.
        var statuses = Enum.GetValues<CommentStatus>().Where(s => s != CommentStatus.Hidden).Select(FeedbackLabels.Of).ToList();

        string AgeOf(StatisticsPoint p) => p.AgeGroup is { } a ? FeedbackLabels.Of(a) : NotAnswered;
        string FieldOf(StatisticsPoint p) => p.Field ?? NotAnswered;
        string ChannelOf(StatisticsPoint p) => FeedbackLabels.Of(p.Channel);

        var (overTime, usedInterval) = OverTime(points, interval, from, to);
        return new StatisticsReport(
            points.Count,
            Count(points, ages, AgeOf, dropEmptyNotAnswered: true),
            Count(points, fields, FieldOf, dropEmptyNotAnswered: true),
            Count(points, channels, ChannelOf, dropEmptyNotAnswered: false),
            Count(points, statuses, p => FeedbackLabels.Of(p.Status), dropEmptyNotAnswered: false),
            Cross("年代 × 分野", "年代", points, WithoutEmptyNotAnswered(points, ages, AgeOf), WithoutEmptyNotAnswered(points, fields, FieldOf), AgeOf, FieldOf),
            Cross("分野 × 受付経路", "分野", points, WithoutEmptyNotAnswered(points, fields, FieldOf), channels, FieldOf, ChannelOf),
            overTime,
            usedInterval,
            usedInterval != interval);
    }

    private static List<CountRow> Count(IReadOnlyList<StatisticsPoint> points, List<string> labels, Func<StatisticsPoint, string> key, bool dropEmptyNotAnswered)
    {
        var counts = points.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        var used = dropEmptyNotAnswered ? WithoutEmptyNotAnswered(points, labels, key) : labels;
        return used.Select(label => new CountRow(label, counts.GetValueOrDefault(label))).ToList();
    }

    /// <summary>未回答 is shown only when some comment did not answer.</summary>
    private static List<string> WithoutEmptyNotAnswered(IReadOnlyList<StatisticsPoint> points, List<string> labels, Func<StatisticsPoint, string> key) =>
        points.Any(p => key(p) == NotAnswered) ? labels : labels.Where(l => l != NotAnswered).ToList();

    private static CrossTable Cross(string caption, string rowHeading, IReadOnlyList<StatisticsPoint> points, List<string> rows, List<string> columns, Func<StatisticsPoint, string> rowKey, Func<StatisticsPoint, string> columnKey)
    {
        var counts = points.GroupBy(p => (rowKey(p), columnKey(p))).ToDictionary(g => g.Key, g => g.Count());
        var matrix = rows.Select(r => (IReadOnlyList<int>)columns.Select(c => counts.GetValueOrDefault((r, c))).ToList()).ToList();
        return new CrossTable(caption, rowHeading, rows, columns, matrix);
    }

    private static (List<CountRow> Rows, StatisticsInterval Interval) OverTime(IReadOnlyList<StatisticsPoint> points, StatisticsInterval interval, DateOnly? from, DateOnly? to)
    {
        if (points.Count == 0 && (from is null || to is null))
        {
            return ([], interval);
        }

        var dates = points.Select(p => TokyoTime.DateOf(p.ReceivedUtc)).ToList();
        var first = from ?? dates.Min();
        var last = to ?? dates.Max();
        if (last < first)
        {
            return ([], interval);
        }

        if (interval == StatisticsInterval.Day && last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            interval = StatisticsInterval.Week;
        }

        if (interval == StatisticsInterval.Day)
        {
            var perDay = dates.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            var days = new List<CountRow>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(new CountRow(DayLabel(day), perDay.GetValueOrDefault(day)));
            }

            return (days, interval);
        }

        var perWeek = dates.GroupBy(WeekStart).ToDictionary(g => g.Key, g => g.Count());
        var weeks = new List<CountRow>();
        for (var monday = WeekStart(first); monday <= last; monday = monday.AddDays(7))
        {
            weeks.Add(new CountRow($"{TokyoTime.LongDate(monday)}〜", perWeek.GetValueOrDefault(monday)));
        }

        return (weeks, interval);
    }

    /// <summary>Weeks start on Monday, as Japanese office calendars do.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string DayLabel(DateOnly day) => $"{TokyoTime.LongDate(day)}（{"日月火水木金土"[(int)day.DayOfWeek]}）";
}

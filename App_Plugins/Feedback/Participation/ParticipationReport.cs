using System.Globalization;
using UedaPublicGoals.Feedback.Model;

namespace UedaPublicGoals.Feedback.Participation;

/// <summary>A published count: the number, 「5未満」 or 「＊」.</summary>
public sealed record ParticipationCell(int Count, CellVisibility Visibility)
{
    public string Text => Visibility switch
    {
        CellVisibility.Small => "5未満",
        CellVisibility.Protecting => "＊",
        _ => Count.ToString("N0", CultureInfo.InvariantCulture),
    };
}

public sealed record ParticipationTable(
    string Caption,
    string RowHeading,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<ParticipationCell>> Cells,
    IReadOnlyList<ParticipationCell> RowTotals,
    IReadOnlyList<ParticipationCell> ColumnTotals,
    ParticipationCell Total);

/// <summary>
/// 「どんな人から意見を聞いたか」: the three two-way views of 年代 × 受付経路 × 分野, with every
/// group under 5 withheld and, where subtraction would reveal one, a second number withheld.
/// </summary>
public sealed record ParticipationReport(ParticipationCell Total, IReadOnlyList<string> Ages, IReadOnlyList<ParticipationCell> AgeTotals, IReadOnlyList<ParticipationTable> Tables)
{
    public const string NotAnswered = "未回答";

    public bool AnyWithheld => Tables.Any(t => t.Cells.SelectMany(r => r).Concat(t.RowTotals).Concat(t.ColumnTotals).Append(t.Total).Any(c => c.Visibility != CellVisibility.Shown));

    public static ParticipationReport Build(IReadOnlyList<ParticipationRow> rows, IReadOnlyList<string> consultationFields)
    {
        // Every 年代 is listed, also at zero: whether young people were reached is the question.
        var ages = Enum.GetValues<AgeGroup>().Select(FeedbackLabels.Of).ToList();
        if (rows.Any(r => r.Age is null))
        {
            ages.Add(NotAnswered);
        }

        var commentChannels = Enum.GetValues<CommentChannel>().Select(FeedbackLabels.Of).ToList();
        var channels = rows.Select(r => r.Channel).Distinct(StringComparer.Ordinal)
            .OrderBy(c => commentChannels.IndexOf(c) is var i && i >= 0 ? i : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var fields = consultationFields.Concat(rows.Where(r => r.Field is not null).Select(r => r.Field!).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        if (rows.Any(r => r.Field is null))
        {
            fields.Add(NotAnswered);
        }

        string AgeOf(ParticipationRow r) => r.Age is { } a ? FeedbackLabels.Of(a) : NotAnswered;
        string FieldOf(ParticipationRow r) => r.Field ?? NotAnswered;

        var dimensions = new Dictionary<string, (IReadOnlyList<string> Labels, Func<ParticipationRow, string> Of)>
        {
            ["age"] = (ages, AgeOf),
            ["channel"] = (channels, r => r.Channel),
            ["field"] = (fields, FieldOf),
        };
        var views = new (string Caption, string RowHeading, string Row, string Column)[]
        {
            ("年代 × 受付経路", "年代", "age", "channel"),
            ("年代 × 分野", "年代", "age", "field"),
            ("分野 × 受付経路", "分野", "field", "channel"),
        };

        var values = new Dictionary<string, int>(StringComparer.Ordinal) { ["all"] = rows.Sum(r => r.Count) };
        var equations = new List<SmallCountSuppression.Equation>();
        foreach (var (name, (labels, of)) in dimensions)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                values[$"{name}|{i}"] = rows.Where(r => of(r) == labels[i]).Sum(r => r.Count);
            }

            equations.Add(new("all", Enumerable.Range(0, labels.Count).Select(i => $"{name}|{i}").ToList()));
        }

        for (var t = 0; t < views.Length; t++)
        {
            var (rowLabels, rowOf) = dimensions[views[t].Row];
            var (columnLabels, columnOf) = dimensions[views[t].Column];
            for (var r = 0; r < rowLabels.Count; r++)
            {
                for (var c = 0; c < columnLabels.Count; c++)
                {
                    values[$"t{t}|{r}|{c}"] = rows.Where(x => rowOf(x) == rowLabels[r] && columnOf(x) == columnLabels[c]).Sum(x => x.Count);
                }

                equations.Add(new($"{views[t].Row}|{r}", Enumerable.Range(0, columnLabels.Count).Select(c => $"t{t}|{r}|{c}").ToList()));
            }

            for (var c = 0; c < columnLabels.Count; c++)
            {
                equations.Add(new($"{views[t].Column}|{c}", Enumerable.Range(0, rowLabels.Count).Select(r => $"t{t}|{r}|{c}").ToList()));
            }
        }

        var visibility = SmallCountSuppression.Apply(values, equations);
        ParticipationCell Cell(string key) => new(values[key], visibility[key]);

        var tables = views.Select((view, t) =>
        {
            var rowLabels = dimensions[view.Row].Labels;
            var columnLabels = dimensions[view.Column].Labels;
            return new ParticipationTable(
                view.Caption,
                view.RowHeading,
                rowLabels,
                columnLabels,
                rowLabels.Select((_, r) => (IReadOnlyList<ParticipationCell>)columnLabels.Select((_, c) => Cell($"t{t}|{r}|{c}")).ToList()).ToList(),
                rowLabels.Select((_, r) => Cell($"{view.Row}|{r}")).ToList(),
                columnLabels.Select((_, c) => Cell($"{view.Column}|{c}")).ToList(),
                Cell("all"));
        }).ToList();

        return new ParticipationReport(Cell("all"), ages, ages.Select((_, i) => Cell($"age|{i}")).ToList(), tables);
    }
}

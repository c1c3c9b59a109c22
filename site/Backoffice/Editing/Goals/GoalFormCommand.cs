using System.Collections;
using System.Text.RegularExpressions;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.Editing.Goals;

public enum GoalFormLevel
{
    Initiative,
    Measure,
    Kpi,
    Measurement,
}

public enum GoalFormVerb
{
    Add,
    Remove,
    MoveUp,
    MoveDown,
}

/// <summary>
/// The "add another" buttons of the goal form (GOV.UK pattern, no JavaScript): each is a submit
/// button named "command", e.g. add-measure:1 (a measure in 取組項目①), remove-kpi:1.3.2,
/// move-initiative-up:2. Positions are 1-based, as on screen. The server applies the command to
/// the posted form and draws it again, nothing saved; numbering follows the new order.
/// </summary>
public sealed partial record GoalFormCommand(GoalFormVerb Verb, GoalFormLevel Level, IReadOnlyList<int> Path)
{
    public const string FieldName = "command";

    [GeneratedRegex(@"^(?<verb>add|remove|move)-(?<level>initiative|measurement|measure|kpi)(?:-(?<direction>up|down))?(?::(?<path>[1-9][0-9]{0,2}(?:\.[1-9][0-9]{0,2}){0,3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();

    public static GoalFormCommand? Parse(string? text)
    {
        var match = text is null ? null : Syntax().Match(text);
        if (match is not { Success: true })
        {
            return null;
        }

        var verb = (match.Groups["verb"].Value, match.Groups["direction"].Value) switch
        {
            ("add", "") => GoalFormVerb.Add,
            ("remove", "") => GoalFormVerb.Remove,
            ("move", "up") => GoalFormVerb.MoveUp,
            ("move", "down") => GoalFormVerb.MoveDown,
            _ => (GoalFormVerb?)null,
        };
        var level = match.Groups["level"].Value switch
        {
            "initiative" => GoalFormLevel.Initiative,
            "measure" => GoalFormLevel.Measure,
            "kpi" => GoalFormLevel.Kpi,
            _ => GoalFormLevel.Measurement,
        };
        var path = match.Groups["path"].Success ? match.Groups["path"].Value.Split('.').Select(int.Parse).ToList() : [];

        // add-X names the parent of the new item; the others name the item itself.
        var expectedDepth = verb == GoalFormVerb.Add ? (int)level : (int)level + 1;
        return verb is { } v && path.Count == expectedDepth ? new GoalFormCommand(v, level, path) : null;
    }

    public override string ToString()
    {
        var name = Level switch
        {
            GoalFormLevel.Initiative => "initiative",
            GoalFormLevel.Measure => "measure",
            GoalFormLevel.Kpi => "kpi",
            _ => "measurement",
        };
        var text = Verb switch
        {
            GoalFormVerb.Add => $"add-{name}",
            GoalFormVerb.Remove => $"remove-{name}",
            GoalFormVerb.MoveUp => $"move-{name}-up",
            _ => $"move-{name}-down",
        };
        return Path.Count == 0 ? text : $"{text}:{string.Join('.', Path)}";
    }

    public static GoalFormCommand Add(GoalFormLevel level, params int[] parent) => new(GoalFormVerb.Add, level, parent);

    public static GoalFormCommand Remove(GoalFormLevel level, params int[] item) => new(GoalFormVerb.Remove, level, item);

    public static GoalFormCommand MoveUp(GoalFormLevel level, params int[] item) => new(GoalFormVerb.MoveUp, level, item);

    public static GoalFormCommand MoveDown(GoalFormLevel level, params int[] item) => new(GoalFormVerb.MoveDown, level, item);

    /// <summary>
    /// Applies the command. Returns what happened in words, or null when the command names an
    /// item that is not in the form (a forged or outdated button): nothing is changed then.
    /// </summary>
    public string? Apply(GoalForm form)
    {
        var list = ListOf(form, Verb == GoalFormVerb.Add ? Path : Path.Take(Path.Count - 1).ToList());
        if (list is null)
        {
            return null;
        }

        if (Verb == GoalFormVerb.Add)
        {
            if (list.Count >= MaxItems(Level))
            {
                return $"{Noun(Level)}は{MaxItems(Level)}件までです。";
            }

            list.Add(NewItem(form));
            return $"{Name([.. Path, list.Count])}を追加しました。入力してから保存してください。";
        }

        var index = Path[^1] - 1;
        if (index >= list.Count)
        {
            return null;
        }

        var name = Name(Path);
        switch (Verb)
        {
            case GoalFormVerb.Remove:
                list.RemoveAt(index);
                return $"{name}を削除しました。保存するまで確定しません。";
            case GoalFormVerb.MoveUp when index > 0:
                Swap(list, index, index - 1);
                return $"{name}を1つ上へ移動し、{Name([.. Path.Take(Path.Count - 1), index])}にしました。";
            case GoalFormVerb.MoveDown when index < list.Count - 1:
                Swap(list, index, index + 1);
                return $"{name}を1つ下へ移動し、{Name([.. Path.Take(Path.Count - 1), index + 2])}にしました。";
            default:
                return $"{name}はこれ以上移動できません。";
        }
    }

    /// <summary>The id of the form part to show after the command, so the page opens where the person was working.</summary>
    public string AnchorAfter(GoalForm form)
    {
        var parent = Verb == GoalFormVerb.Add ? Path.ToList() : Path.Take(Path.Count - 1).ToList();
        var count = ListOf(form, parent)?.Count ?? 0;
        var position = Verb switch
        {
            GoalFormVerb.Add => count + 1,
            GoalFormVerb.MoveUp => Math.Max(1, Path[^1] - 1),
            GoalFormVerb.MoveDown => Math.Min(count, Path[^1] + 1),
            _ => 0,
        };
        return position == 0 ? ListAnchor(parent, Level) : Anchor([.. parent, position]);
    }

    public static int MaxItems(GoalFormLevel level) => level switch
    {
        GoalFormLevel.Initiative => 20,
        GoalFormLevel.Measure => 20,
        GoalFormLevel.Kpi => 10,
        _ => 60,
    };

    /// <summary>initiative-2, initiative-2-measure-3, initiative-2-measure-3-kpi-1, …-measurement-4.</summary>
    public static string Anchor(IReadOnlyList<int> path)
    {
        string[] parts = ["initiative", "measure", "kpi", "measurement"];
        return string.Join('-', path.Select((position, depth) => $"{parts[depth]}-{position}"));
    }

    /// <summary>The id of the list that holds items of <paramref name="level"/> under <paramref name="parent"/>.</summary>
    public static string ListAnchor(IReadOnlyList<int> parent, GoalFormLevel level)
    {
        var name = level switch
        {
            GoalFormLevel.Initiative => "initiatives",
            GoalFormLevel.Measure => "measures",
            GoalFormLevel.Kpi => "kpis",
            _ => "measurements",
        };
        return parent.Count == 0 ? name : $"{Anchor(parent)}-{name}";
    }

    /// <summary>The name people see: 取組項目② (3) KPI 1 実績 2.</summary>
    public static string Name(IReadOnlyList<int> path) => string.Join(' ', path.Select((position, depth) => depth switch
    {
        0 => $"取組項目{Numbering.Circled(position)}",
        1 => $"({position})",
        2 => $"KPI {position}",
        _ => $"実績 {position}",
    }));

    private static string Noun(GoalFormLevel level) => level switch
    {
        GoalFormLevel.Initiative => "取組項目",
        GoalFormLevel.Measure => "方法・手段",
        GoalFormLevel.Kpi => "KPI",
        _ => "実績",
    };

    private IList? ListOf(GoalForm form, IReadOnlyList<int> parent)
    {
        // Walks down the 1-based path; null when a position is not in the form.
        static T? At<T>(List<T> items, int position) where T : class =>
            position >= 1 && position <= items.Count ? items[position - 1] : null;

        switch (Level)
        {
            case GoalFormLevel.Initiative:
                return form.Initiatives;
            case GoalFormLevel.Measure:
                return At(form.Initiatives, parent[0])?.Measures;
            case GoalFormLevel.Kpi:
                return At(At(form.Initiatives, parent[0])?.Measures ?? [], parent[1])?.Kpis;
            default:
                var measure = At(At(form.Initiatives, parent[0])?.Measures ?? [], parent[1]);
                return At(measure?.Kpis ?? [], parent[2])?.Measurements;
        }
    }

    private object NewItem(GoalForm form) => Level switch
    {
        GoalFormLevel.Initiative => new InitiativeForm(),
        GoalFormLevel.Measure => new MeasureForm(),
        GoalFormLevel.Kpi => new KpiForm { Key = UnusedKpiKey(form) },
        _ => new MeasurementForm(),
    };

    /// <summary>KPI keys must be unique in a goal (the public page uses them as ids): kpi-1, kpi-2, … suggests a free one.</summary>
    private static string UnusedKpiKey(GoalForm form)
    {
        var used = form.Initiatives.SelectMany(i => i.Measures).SelectMany(m => m.Kpis).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var number = 1;
        while (used.Contains($"kpi-{number}"))
        {
            number++;
        }

        return $"kpi-{number}";
    }

    private static void Swap(IList list, int a, int b) => (list[a], list[b]) = (list[b], list[a]);
}

namespace UedaPublicGoals.Backoffice.Diff;

/// <summary>
/// One value of a document laid out as fields: <see cref="Key"/> identifies it across versions, <see cref="Label"/>
/// is what staff read (the sheet's Japanese words), <see cref="Value"/> is null when the version does not have it.
/// </summary>
public interface IDiffField
{
    string Key { get; }

    string Label { get; }

    string? Value { get; }
}

/// <summary>A field laid out by code rather than read from a snapshot.</summary>
public sealed record DiffField(string Key, string Label, string? Value) : IDiffField;

public enum FieldChange
{
    /// <summary>追加: empty before, filled after.</summary>
    Added,

    /// <summary>削除: filled before, empty after.</summary>
    Removed,

    /// <summary>変更</summary>
    Changed,
}

public sealed record FieldDifference(string Key, string Label, string? Before, string? After, FieldChange Change)
{
    public string ChangeLabel => Change switch
    {
        FieldChange.Added => "追加",
        FieldChange.Removed => "削除",
        _ => "変更",
    };
}

/// <summary>
/// The one field-by-field comparison of two versions: history (snapshots), the editor's conflict notice, the
/// approval review and the sheet import preview all lay their versions out as fields and compare them here;
/// <see cref="UedaPublicGoals.Kernel.Diff.TextDiff"/> then highlights the characters that changed inside one field.
/// </summary>
public static class FieldDiff
{
    /// <summary>
    /// Differences from <paramref name="before"/> to <paramref name="after"/>, in the order the fields appear in the
    /// newer version; fields only the older one has stay next to the field they followed there.
    /// </summary>
    public static IReadOnlyList<FieldDifference> Compare<TField>(IReadOnlyList<TField> before, IReadOnlyList<TField> after)
        where TField : IDiffField
    {
        var beforeByKey = before.ToDictionary(f => f.Key, f => (IDiffField)f, StringComparer.Ordinal);
        var afterByKey = after.ToDictionary(f => f.Key, f => (IDiffField)f, StringComparer.Ordinal);

        var order = after.Select(f => f.Key).ToList();
        string? previous = null;
        foreach (var field in before)
        {
            if (!afterByKey.ContainsKey(field.Key))
            {
                order.Insert(previous is null ? 0 : order.IndexOf(previous) + 1, field.Key);
            }

            previous = field.Key;
        }

        var differences = new List<FieldDifference>();
        foreach (var key in order)
        {
            var old = beforeByKey.GetValueOrDefault(key);
            var current = afterByKey.GetValueOrDefault(key);
            if (Between(key, (current ?? old)!.Label, old?.Value, current?.Value) is { } difference)
            {
                differences.Add(difference);
            }
        }

        return differences;
    }

    /// <summary>The difference of one value, or null when it did not change.</summary>
    public static FieldDifference? Between(string key, string label, string? before, string? after) =>
        string.Equals(before, after, StringComparison.Ordinal)
            ? null
            : new FieldDifference(key, label, before, after, (before, after) switch
            {
                (null, _) => FieldChange.Added,
                (_, null) => FieldChange.Removed,
                _ => FieldChange.Changed,
            });
}

using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Backoffice.Diff;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Backoffice.History;

/// <summary>
/// One leaf value of a version snapshot. <see cref="Key"/> identifies the field across
/// versions (array items by their number or key, not their position, so inserting an
/// initiative does not make every later one look changed); <see cref="Path"/> is what
/// staff read, in the sheet's own Japanese words.
/// </summary>
public sealed record SnapshotField(string Key, IReadOnlyList<string> Path, string? Value) : IDiffField
{
    public string Label => string.Join(" > ", Path);
}

/// <summary>
/// Turns a JSON snapshot (see <see cref="ContentJson"/>) into labelled leaf fields such as
/// 「取組項目② > (1) > 数値目標」. Properties without a label keep their JSON name, so a
/// field added to the model later still shows up in history instead of vanishing.
/// </summary>
public static class SnapshotFlattener
{
    public static IReadOnlyList<SnapshotField> Flatten(DocumentKind kind, string json)
    {
        var root = JsonConvert.DeserializeObject<JToken>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
            ?? throw new JsonSerializationException("The snapshot is empty.");
        var schema = kind == DocumentKind.Goal ? GoalSchema : PageSchema;
        var fields = new List<SnapshotField>();
        Walk(root, schemaPath: "", key: "", path: [], schema, fields);
        return fields;
    }

    private static void Walk(JToken token, string schemaPath, string key, List<string> path, Schema schema, List<SnapshotField> fields)
    {
        switch (token)
        {
            case JObject obj:
                var identity = schema.Elements.GetValueOrDefault(schemaPath)?.Property;
                foreach (var property in obj.Properties())
                {
                    if (property.Name == identity)
                    {
                        continue; // already part of the path (取組項目②, (1), 指標…)
                    }

                    var childSchemaPath = schemaPath.Length == 0 ? property.Name : $"{schemaPath}.{property.Name}";
                    var childKey = key.Length == 0 ? property.Name : $"{key}.{property.Name}";
                    if (property.Value is JArray { Count: > 0 } array && array.All(item => item is JObject))
                    {
                        WalkArray(array, childSchemaPath, childKey, path, schema, fields);
                        continue;
                    }

                    var label = schema.Labels.GetValueOrDefault(childSchemaPath, property.Name);
                    Walk(property.Value, childSchemaPath, childKey, [.. path, label], schema, fields);
                }

                break;
            case JArray array when array.All(item => item is JObject):
                // An empty list of objects (no initiatives, no measurements) has no leaves.
                break;
            case JArray array:
                fields.Add(new SnapshotField(key, path, FormatList(schemaPath, array)));
                break;
            case JValue value:
                fields.Add(new SnapshotField(key, path, FormatValue(schemaPath, value)));
                break;
        }
    }

    private static void WalkArray(JArray array, string schemaPath, string key, List<string> path, Schema schema, List<SnapshotField> fields)
    {
        var element = schema.Elements.GetValueOrDefault(schemaPath);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < array.Count; index++)
        {
            var item = (JObject)array[index];
            var id = element is not null && item[element.Property] is JValue { Type: not JTokenType.Null } identity
                ? Convert.ToString(identity.Value, CultureInfo.InvariantCulture)!
                : (index + 1).ToString(CultureInfo.InvariantCulture);

            // Two items with the same number (a slip while editing) still get distinct keys.
            var occurrence = seen[id] = seen.GetValueOrDefault(id) + 1;
            var itemKey = occurrence == 1 ? $"{key}[{id}]" : $"{key}[{id}#{occurrence}]";
            var itemLabel = element is null ? $"{schema.Labels.GetValueOrDefault(schemaPath, schemaPath)} {index + 1}" : element.Label(item, id);
            Walk(item, schemaPath, itemKey, [.. path, itemLabel], schema, fields);
        }
    }

    private static string? FormatList(string schemaPath, JArray array)
    {
        if (array.Count == 0)
        {
            return null;
        }

        var items = array.Select(item => item.ToString(Formatting.None).Trim('"'));
        if (schemaPath == "sdgGoals")
        {
            items = items.Select(goal => $"目標{goal}");
        }

        return string.Join("、", items);
    }

    private static string? FormatValue(string schemaPath, JValue value)
    {
        if (value.Type == JTokenType.Null)
        {
            return null;
        }

        var text = value.Type switch
        {
            // 17000 and 17000.0 are the same number: a re-saved snapshot must not look changed.
            JTokenType.Float when value.Value is decimal number => number.ToString("0.############################", CultureInfo.InvariantCulture),
            JTokenType.Boolean => (bool)value! ? "はい" : "いいえ",
            _ => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
        };
        if (string.IsNullOrEmpty(text))
        {
            return null; // "" and null both mean "not yet written"; switching between them is no change.
        }

        var leaf = schemaPath[(schemaPath.LastIndexOf('.') + 1)..];
        if (leaf is "reportedOn" or "date" && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return TokyoTime.LongDate(date);
        }

        if (leaf == "status" && TryParseStatus(text) is { } status)
        {
            return status.ToJapanese();
        }

        return text;
    }

    private static ProgressStatus? TryParseStatus(string text)
    {
        try
        {
            return JToken.FromObject(text).ToObject<ProgressStatus>(JsonSerializer.Create(ContentJson.Settings));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ElementIdentity(string Property, Func<JObject, string, string> Label);

    private sealed record Schema(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, ElementIdentity> Elements);

    private static string DateLabel(string isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? TokyoTime.LongDate(date) : isoDate;

    private static string NumberLabel(string id, Func<int, string> format) =>
        int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? format(number) : id;

    /// <summary>Labels as printed on the 重点目標管理シート (see the public goal page).</summary>
    private static readonly Schema GoalSchema = new(
        new Dictionary<string, string>
        {
            ["title"] = SheetLabels.Title,
            ["priority"] = SheetLabels.Priority,
            ["comprehensivePlanPosition"] = SheetLabels.ComprehensivePlanPosition,
            ["restructuringPlanPosition"] = SheetLabels.RestructuringPlanPosition,
            ["administrativeReformPosition"] = SheetLabels.AdministrativeReformPosition,
            ["currentSituation"] = SheetLabels.CurrentSituation,
            ["purposeAndEffect"] = SheetLabels.PurposeAndEffect,
            ["sdgGoals"] = SheetLabels.SdgGoals,
            ["initiatives"] = SheetLabels.Initiative,
            ["initiatives.title"] = "項目名",
            ["initiatives.period"] = SheetLabels.Period,
            ["initiatives.measures"] = "方法・手段",
            ["initiatives.measures.method"] = SheetLabels.Method,
            ["initiatives.measures.period"] = SheetLabels.Period,
            ["initiatives.measures.target"] = SheetLabels.Target,
            ["initiatives.measures.kpis.label"] = "指標名",
            ["initiatives.measures.kpis.unit"] = "単位",
            ["initiatives.measures.kpis.baseline"] = "基準値",
            ["initiatives.measures.kpis.target"] = "目標値",
            ["initiatives.measures.kpis.measurements.value"] = "実績値",
            ["initiatives.measures.kpis.measurements.note"] = "備考",
            ["initiatives.midtermReport"] = SheetLabels.MidtermReport,
            ["initiatives.midtermReport.text"] = "報告内容",
            ["initiatives.midtermReport.status"] = "進捗度",
            ["initiatives.midtermReport.reportedOn"] = "報告日",
            ["initiatives.finalReport"] = SheetLabels.FinalReport,
            ["initiatives.finalReport.text"] = "報告内容",
            ["initiatives.finalReport.status"] = "達成度",
            ["initiatives.finalReport.reportedOn"] = "報告日",
            ["specialNotes"] = SheetLabels.SpecialNotes,
            ["specialNotes.citizenParticipation"] = SheetLabels.CitizenParticipation,
            ["specialNotes.effectsAndRemainingIssues"] = SheetLabels.EffectsAndRemainingIssues,
        },
        new Dictionary<string, ElementIdentity>
        {
            ["initiatives"] = new("number", (_, id) => "取組項目" + NumberLabel(id, Numbering.Circled)),
            ["initiatives.measures"] = new("number", (_, id) => NumberLabel(id, n => $"({n})")),
            ["initiatives.measures.kpis"] = new("key", (item, id) => $"指標「{(item["label"]?.Type == JTokenType.String ? (string?)item["label"] : null) ?? id}」"),
            ["initiatives.measures.kpis.measurements"] = new("date", (_, id) => $"{DateLabel(id)}の実績"),
        });

    private static readonly Schema PageSchema = new(
        new Dictionary<string, string>
        {
            ["title"] = "タイトル",
            ["summary"] = "概要",
            ["body"] = "本文",
        },
        new Dictionary<string, ElementIdentity>());
}

using System.Globalization;
using Newtonsoft.Json.Linq;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>
/// Checks a JSON answer against a schema of the OpenAPI 3.0 document: the subset the
/// document uses ($ref, allOf, nullable, object/array/string/integer/number/boolean,
/// required, additionalProperties: false, enum, formats date, date-time, uuid, uri).
/// So the documentation cannot drift from what the API really sends.
/// </summary>
public sealed class OpenApiSchemaValidator(JObject document)
{
    public IReadOnlyList<string> Validate(JToken value, string schemaName)
    {
        var errors = new List<string>();
        Check(value, Schema(schemaName), "$", errors);
        return errors;
    }

    public JObject Schema(string name) =>
        (JObject?)document["components"]?["schemas"]?[name] ?? throw new InvalidOperationException($"No schema {name}.");

    /// <summary>Resolves a local "#/…" reference; throws for one that points nowhere.</summary>
    public JObject Resolve(JObject schema)
    {
        while (schema["$ref"] is JValue reference)
        {
            var pointer = ((string)reference!).TrimStart('#', '/').Split('/');
            JToken? target = document;
            foreach (var part in pointer)
            {
                target = target?[part];
            }

            schema = target as JObject ?? throw new InvalidOperationException($"Unresolved $ref {reference}.");
        }

        return schema;
    }

    private void Check(JToken value, JObject schema, string path, List<string> errors)
    {
        schema = Resolve(schema);
        if (value.Type == JTokenType.Null)
        {
            if (schema["nullable"]?.Value<bool>() != true)
            {
                errors.Add($"{path}: null, but the schema is not nullable");
            }

            return;
        }

        if (schema["allOf"] is JArray allOf)
        {
            foreach (var part in allOf.Cast<JObject>())
            {
                Check(value, part, path, errors);
            }

            return;
        }

        switch ((string?)schema["type"])
        {
            case "object":
                CheckObject(value, schema, path, errors);
                break;
            case "array":
                if (value is not JArray array)
                {
                    errors.Add($"{path}: expected an array, got {value.Type}");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], (JObject)schema["items"]!, $"{path}[{i}]", errors);
                }

                break;
            case "string":
                if (value.Type != JTokenType.String)
                {
                    errors.Add($"{path}: expected a string, got {value.Type}");
                    return;
                }

                CheckString((string)value!, schema, path, errors);
                break;
            case "integer":
                if (value.Type != JTokenType.Integer)
                {
                    errors.Add($"{path}: expected an integer, got {value.Type}");
                }

                break;
            case "number":
                if (value.Type is not (JTokenType.Integer or JTokenType.Float))
                {
                    errors.Add($"{path}: expected a number, got {value.Type}");
                }

                break;
            case "boolean":
                if (value.Type != JTokenType.Boolean)
                {
                    errors.Add($"{path}: expected a boolean, got {value.Type}");
                }

                break;
            default:
                errors.Add($"{path}: the schema has no type the validator knows ({schema["type"]})");
                break;
        }
    }

    private void CheckObject(JToken value, JObject schema, string path, List<string> errors)
    {
        if (value is not JObject obj)
        {
            errors.Add($"{path}: expected an object, got {value.Type}");
            return;
        }

        var properties = schema["properties"] as JObject ?? [];
        foreach (var property in obj.Properties())
        {
            if (properties[property.Name] is JObject propertySchema)
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}", errors);
            }
            else if (schema["additionalProperties"]?.Type == JTokenType.Boolean && !(bool)schema["additionalProperties"]!)
            {
                errors.Add($"{path}.{property.Name}: sent but not documented");
            }
        }

        foreach (var required in schema["required"]?.Values<string>() ?? [])
        {
            if (obj.Property(required!) is null)
            {
                errors.Add($"{path}.{required}: required but missing");
            }
        }
    }

    private static void CheckString(string text, JObject schema, string path, List<string> errors)
    {
        if (schema["enum"] is JArray values && !values.Values<string>().Contains(text))
        {
            errors.Add($"{path}: '{text}' is not one of {string.Join(", ", values)}");
        }

        var valid = (string?)schema["format"] switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => text.EndsWith('Z') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!valid)
        {
            errors.Add($"{path}: '{text}' is not a valid {schema["format"]}");
        }
    }
}

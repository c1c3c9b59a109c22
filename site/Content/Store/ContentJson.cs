using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace UedaPublicGoals.Content.Store;

/// <summary>
/// The one JSON shape used for version snapshots and the content-seed files:
/// camelCase, enums as camelCase strings, and unknown properties rejected so a typo
/// in a seed file is an error, not silently lost content.
/// </summary>
public static class ContentJson
{
    public static readonly JsonSerializerSettings Settings = CreateSettings();

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            MissingMemberHandling = MissingMemberHandling.Error,
            NullValueHandling = NullValueHandling.Include,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            Formatting = Formatting.None,
        };
        settings.Converters.Add(new StringEnumConverter(new CamelCaseNamingStrategy(), allowIntegerValues: false));
        return settings;
    }

    public static string Serialize<T>(T value) => JsonConvert.SerializeObject(value, Settings);

    public static T Deserialize<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new JsonSerializationException("The JSON document is empty.");
}

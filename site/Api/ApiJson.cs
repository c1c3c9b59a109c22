using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace UedaPublicGoals.Api;

/// <summary>
/// The JSON shape of the delivery API and the open-data goals.json: camelCase names,
/// ISO 8601 dates (date-times in UTC with Z, calendar dates as yyyy-MM-dd), enums as
/// camelCase strings, and nulls written out: an unreported field is present with null,
/// never omitted, so a client can tell "未報告" from "not part of this version".
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerSettings Settings = Create(Formatting.None);

    public static readonly JsonSerializerSettings IndentedSettings = Create(Formatting.Indented);

    public const string ContentType = "application/json; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] SerializeToUtf8(object value, bool indented = false) =>
        Utf8.GetBytes(JsonConvert.SerializeObject(value, indented ? IndentedSettings : Settings));

    private static JsonSerializerSettings Create(Formatting formatting)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            NullValueHandling = NullValueHandling.Include,
            DateFormatHandling = DateFormatHandling.IsoDateFormat,
            DateTimeZoneHandling = DateTimeZoneHandling.Utc,
            Formatting = formatting,
        };
        settings.Converters.Add(new StringEnumConverter(new CamelCaseNamingStrategy()));
        settings.Converters.Add(new PlainDecimalConverter());
        return settings;
    }
}

/// <summary>
/// Writes decimals as the number they are (17000, 12.5), not as Newtonsoft's default
/// 17000.0: the API shows counts of people and meetings, which read oddly with a ".0".
/// </summary>
internal sealed class PlainDecimalConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(decimal) || objectType == typeof(decimal?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is decimal number)
        {
            writer.WriteRawValue(number.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("The API JSON is written, never read, with these settings.");
}

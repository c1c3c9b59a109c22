using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Api;

/// <summary>Reads API answers as a client does: the raw JSON text, with dates left as the strings sent.</summary>
public static class ApiResponses
{
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    public static async Task<(HttpResponseMessage Response, JToken Json)> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>GETs <paramref name="path"/>, expecting 200 with JSON.</summary>
    public static async Task<JToken> GetOkJsonAsync(HttpClient client, string path)
    {
        var (response, json) = await GetJsonAsync(client, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {json}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return json;
    }

    /// <summary>The API's error shape: { "error": { "code", "message" } } and nothing else.</summary>
    public static async Task<JObject> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage!.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var json = (JObject)Parse(body);
        Assert.Equal(["error"], json.Properties().Select(p => p.Name));
        var error = (JObject)json["error"]!;
        Assert.Equal(["code", "message"], error.Properties().Select(p => p.Name));
        Assert.Equal(code, (string?)error["code"]);
        var message = (string)error["message"]!;
        Assert.Matches(@"\p{IsHiragana}|\p{IsKatakana}|\p{IsCJKUnifiedIdeographs}", message);
        return error;
    }

    public static void AssertJsonEqual(string expected, JToken? actual) =>
        Assert.True(JToken.DeepEquals(Parse(expected), actual), $"expected {expected}, got {actual?.ToString(Formatting.None)}");

    public static Guid GoalId(PortalFactory portal, string slug) =>
        portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal(slug)!.DocumentId;
}

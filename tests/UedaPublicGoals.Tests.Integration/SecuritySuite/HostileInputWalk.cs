using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using Xunit.Abstractions;

namespace UedaPublicGoals.Tests.Integration.SecuritySuite;

/// <summary>
/// Walks every route the application's own endpoint data sources declare, and every form field of the
/// pages it can reach (public, and the backoffice as 管理者), with the hostile corpus: no answer may be a
/// 5xx, no HTML page may show an input carrying markup verbatim, and a refused POST may change no
/// business table. A new endpoint or field is walked without editing these tests. Sampling is
/// deterministic (fixed seed): each route and form gets a few rounds, each round hands every parameter
/// and field the next inputs of a shuffled corpus, so the whole corpus is used many times over.
/// </summary>
/// <remarks>
/// The walk is split into facts of their own (the forms, and the routes in shards), each on its own
/// portal, so that the two test threads share it instead of one thread carrying the whole walk.
/// </remarks>
public abstract class HostileInputWalk : IDisposable
{
    private const int Seed = 20261129;
    private const int RoundsPerRoute = 3;
    private const int RoundsPerForm = 6;
    private const int MaxPagesCrawled = 120;

    /// <summary>How many facts the route walk is split into (one class per shard, so they can run side by side).</summary>
    protected const int RouteShards = 3;

    // Tables whose row count a refused request must not change (audit and anti-spam bookkeeping may).
    private static readonly string[] BusinessTables =
    [
        "AspNetUsers", "UserDepartments", "ApprovalRequests", "Redirects", "Media", "Departments", "FiscalYears", "Documents",
        "DocumentVersions", "FeedbackConsultations", "FeedbackComments", "FeedbackCommentNotes", "FeedbackRoutingRules",
    ];

    private readonly PortalFactory portal = new();
    private readonly ITestOutputHelper output;
    private readonly List<string> failures = [];
    private readonly List<string> corpus = HostileCorpus.All.Select(c => c.Input).ToList();
    private readonly Stopwatch stopwatch = Stopwatch.StartNew();
    private int next;
    private int requests;

    /// <param name="output">Where the walk reports its coverage.</param>
    /// <param name="corpusStart">
    /// Where in the shuffled corpus this walk starts, so that walks running side by side do not all
    /// begin with the same inputs.
    /// </param>
    protected HostileInputWalk(ITestOutputHelper output, int corpusStart)
    {
        this.output = output;
        ShuffleCorpus();
        next = corpusStart;
    }

    public void Dispose()
    {
        portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private void ShuffleCorpus()
    {
        // Fixed seed: the same inputs meet the same fields on every run, so a failure reproduces.
        var random = new Random(Seed);
        for (var i = corpus.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (corpus[i], corpus[j]) = (corpus[j], corpus[i]);
        }
    }

    /// <summary>Every route the application declares (test-only routes aside), in a fixed order.</summary>
    protected List<RouteEndpoint> Endpoints() =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/__test", StringComparison.Ordinal))
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Crawls the pages reachable from the parameterless GET routes and walks each POST form found on them,
    /// then crawls the same pages again, so whatever hostile text the forms managed to store is rendered.
    /// </summary>
    protected async Task WalkFormsAsync()
    {
        var anonymous = portal.CreatePublicClient();
        var admin = (await LogInAsAdministratorAsync()).Client;
        var endpoints = Endpoints();
        var fieldsWalked = 0;

        var (forms, pages) = await CrawlFormsAsync(anonymous, admin, endpoints);
        foreach (var (page, form, client) in forms)
        {
            fieldsWalked += await WalkFormAsync(client, page, form);
        }

        // Some forms end the session they are sent in (password, sessions, 2FA): render with a live 管理者 session.
        admin = (await LogInAsAdministratorAsync()).Client;
        foreach (var page in pages)
        {
            var client = page.StartsWith("/backoffice", StringComparison.Ordinal) ? admin : anonymous;
            await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, page), [], $"GET {page} after the form walk");
        }

        Report($"forms: {forms.Count} (on {forms.Select(f => f.Page).Distinct().Count()} pages, {pages.Count} pages crawled), fields walked: {fieldsWalked}");
        Assert.True(forms.Count >= 10, $"only {forms.Count} forms found");
        AssertNoFailures();
    }

    /// <summary>Walks the routes of one shard (every <see cref="RouteShards"/>th route of the fixed order).</summary>
    protected async Task WalkRoutesAsync(int shard)
    {
        var anonymous = portal.CreatePublicClient();
        var admin = (await LogInAsAdministratorAsync()).Client;
        var endpoints = Endpoints().Where((_, index) => index % RouteShards == shard).ToList();
        var fieldsWalked = 0;
        var walked = 0;
        string token = "";
        foreach (var endpoint in endpoints)
        {
            // Some routes end the session they are sent in (password, sessions, 2FA): keep a live 管理者 session.
            if (walked++ % 8 == 0 && (await admin.GetAsync("/backoffice/")).StatusCode != HttpStatusCode.OK)
            {
                admin = (await LogInAsAdministratorAsync()).Client;
                token = "";
            }

            token = token.Length == 0 ? await AntiforgeryTokenAsync(admin) : token;
            fieldsWalked += await WalkEndpointAsync(endpoint, anonymous, admin, token);
        }

        Report($"routes: {endpoints.Count} (shard {shard + 1} of {RouteShards}), parameters walked: {fieldsWalked}");
        Assert.True(endpoints.Count > 0, $"shard {shard} has no routes");
        AssertNoFailures();
    }

    private void Report(string coverage)
    {
        output.WriteLine($"corpus: {corpus.Count} inputs in {HostileCorpus.All.Select(c => c.Category).Distinct().Count()} categories");
        output.WriteLine(coverage);
        output.WriteLine($"requests: {requests}, time: {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(corpus.Count >= 300, $"corpus has {corpus.Count} inputs");
    }

    private void AssertNoFailures() =>
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + $"\n({failures.Count} failures)");

    private string NextInput() => corpus[next++ % corpus.Count];

    /// <summary>A fresh 管理者 each time: the walk itself may have changed, locked or disabled the previous one.</summary>
    private async Task<BackofficeSession> LogInAsAdministratorAsync() =>
        await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, global::UedaPublicGoals.Backoffice.Accounts.BackofficeRoles.Administrator));

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/backoffice/");
        var html = await response.Content.ReadAsStringAsync();
        return HtmlText.Parse(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
    }

    /// <summary>Pages reachable from the parameterless GET routes (and one link further), with their POST forms.</summary>
    private async Task<(List<(string Page, IHtmlFormElement Form, HttpClient Client)> Forms, List<string> Pages)> CrawlFormsAsync(HttpClient anonymous, HttpClient admin, IReadOnlyList<RouteEndpoint> endpoints)
    {
        var queue = new Queue<string>(endpoints
            .Where(e => e.RoutePattern.Parameters.Count == 0 && AllowsGet(e))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct());
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var forms = new List<(string, IHtmlFormElement, HttpClient)>();
        var pages = new List<string>();
        var crawled = 0;
        while (queue.Count > 0 && crawled < MaxPagesCrawled)
        {
            var path = queue.Dequeue();
            if (path.Contains("logout", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var client = path.StartsWith("/backoffice", StringComparison.Ordinal) ? admin : anonymous;
            var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path), [], path);
            crawled++;
            pages.Add(path);
            if (response is null || response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = HtmlText.Parse(await response.Content.ReadAsStringAsync());
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                if (!(form.GetAttribute("action") ?? "").Contains("logout", StringComparison.OrdinalIgnoreCase))
                {
                    forms.Add((path, form, client));
                }
            }

            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.Contains('#') && !href.StartsWith("/media/", StringComparison.Ordinal)
                    && !href.Contains("logout", StringComparison.OrdinalIgnoreCase) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return (forms, pages);
    }

    private async Task<int> WalkFormAsync(HttpClient client, string page, IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
        var fields = form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && e.GetAttribute("type") is not ("submit" or "button" or "reset"))
            .Select(e => (Name: e.GetAttribute("name")!, IsFile: e.GetAttribute("type") == "file", Value: e.GetAttribute("value") ?? ""))
            .DistinctBy(f => f.Name).ToList();
        var multipart = string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        for (var round = 0; round < RoundsPerForm; round++)
        {
            var used = new List<string>();
            var values = new List<KeyValuePair<string, string>>();
            foreach (var field in fields)
            {
                // The token is kept (otherwise only the antiforgery check would be tested); every other field is hostile.
                var value = field.Name == "__RequestVerificationToken" ? field.Value : NextInput();
                if (field.Name != "__RequestVerificationToken")
                {
                    used.Add(value);
                }

                values.Add(new(field.Name, value));
            }

            HttpContent content;
            if (multipart)
            {
                var parts = new MultipartFormDataContent();
                foreach (var (name, value) in values)
                {
                    if (fields.First(f => f.Name == name).IsFile)
                    {
                        parts.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name, "hostile.png");
                    }
                    else
                    {
                        parts.Add(new StringContent(value), name);
                    }
                }

                content = parts;
            }
            else
            {
                content = new FormUrlEncodedContent(values);
            }

            await PostAndCheckAsync(client, action, content, used, $"form {action} on {page}");
        }

        return fields.Count;
    }

    private async Task<int> WalkEndpointAsync(RouteEndpoint endpoint, HttpClient anonymous, HttpClient admin, string token)
    {
        var pattern = endpoint.RoutePattern;
        var backoffice = pattern.RawText!.TrimStart('/').StartsWith("backoffice", StringComparison.Ordinal);
        var client = backoffice ? admin : anonymous;
        var queryNames = QueryParameterNames(endpoint);
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        foreach (var method in methods.Where(m => m is "GET" or "POST"))
        {
            for (var round = 0; round < RoundsPerRoute; round++)
            {
                var used = new List<string>();
                var path = Instantiate(pattern, used);
                if (method == "GET")
                {
                    var query = string.Join('&', queryNames.Select(name =>
                    {
                        var value = NextInput();
                        used.Add(value);
                        return Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(Scrub(value));
                    }));
                    var url = query.Length == 0 ? path : path + "?" + query;
                    var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url), used, $"GET {pattern.RawText}");
                    if (response is not null)
                    {
                        await CheckEchoAsync(response, used, $"GET {url}");
                    }
                }
                else
                {
                    var fields = queryNames.Select(name =>
                    {
                        var value = NextInput();
                        used.Add(value);
                        return new KeyValuePair<string, string>(name, value);
                    }).Append(new("__RequestVerificationToken", token)).ToList();
                    await PostAndCheckAsync(client, path, new FormUrlEncodedContent(fields), used, $"POST {pattern.RawText}");
                }
            }
        }

        return pattern.Parameters.Count + queryNames.Count;
    }

    /// <summary>Fills each route parameter with the next hostile input (escaped as a path segment).</summary>
    private string Instantiate(RoutePattern pattern, List<string> used)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart:
                        var value = NextInput();
                        used.Add(value);
                        // A NUL never reaches the site in a path: Kestrel refuses such a request line
                        // (400), and the in-memory test host throws before sending it.
                        path.Append(Uri.EscapeDataString(Scrub(value).Replace("\0", "", StringComparison.Ordinal)));
                        break;
                }
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Names an action binds from the query or form: simple parameters, and the properties of complex ones.</summary>
    private static List<string> QueryParameterNames(RouteEndpoint endpoint)
    {
        var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
        if (action is null)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Path
                || parameter.ParameterType == typeof(CancellationToken) || endpoint.RoutePattern.GetParameter(parameter.Name) is not null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var prefix = parameter.BindingInfo?.BinderModelName ?? (source == BindingSource.Query || source == BindingSource.Form ? "" : null);
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(decimal))
            {
                names.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
            }
            else if (type.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(type))
            {
                var dotted = string.IsNullOrEmpty(prefix) ? "" : prefix + ".";
                names.AddRange(type.GetProperties().Where(p => p.CanWrite).Select(p => dotted + p.Name));
            }
        }

        return names;
    }

    private async Task PostAndCheckAsync(HttpClient client, string action, HttpContent content, List<string> used, string what)
    {
        var before = CountBusinessRows();
        var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, action) { Content = content }, used, what);
        if (response is null)
        {
            return;
        }

        await CheckEchoAsync(response, used, what);
        if ((int)response.StatusCode >= 400)
        {
            var after = CountBusinessRows();
            if (!before.SequenceEqual(after))
            {
                failures.Add($"{what}: refused with {(int)response.StatusCode} but changed rows ({string.Join(", ", BusinessTables.Where((_, i) => before[i] != after[i]))}) with {Inputs(used)}");
            }
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(HttpClient client, HttpRequestMessage request, List<string> used, string what)
    {
        requests++;
        try
        {
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode} with {Inputs(used)}");
            }

            return response;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // TestServer rethrows what the pipeline did not handle: that would have been a 500.
            failures.Add($"{what}: unhandled {ex.GetType().Name}: {ex.Message.Split('\n')[0]} with {Inputs(used)}");
            return null;
        }
    }

    private async Task CheckEchoAsync(HttpResponseMessage response, List<string> used, string what)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return;
        }

        var html = await response.Content.ReadAsStringAsync();
        foreach (var input in used.Where(HostileCorpus.ShowsUnescapedEcho))
        {
            if (html.Contains(input, StringComparison.Ordinal))
            {
                failures.Add($"{what}: echoed unescaped: {HostileCorpus.Describe(input)}");
            }
        }
    }

    private int[] CountBusinessRows()
    {
        using var connection = new SqliteConnection(portal.SqliteConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", BusinessTables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"));
        using var reader = command.ExecuteReader();
        reader.Read();
        return BusinessTables.Select((_, i) => reader.GetInt32(i)).ToArray();
    }

    private static bool AllowsGet(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET");

    /// <summary>A URL cannot carry a lone surrogate; it is sent as U+FFFD, as a browser would.</summary>
    private static string Scrub(string value) => value.Length > 4000 ? value[..4000] : string.Concat(value.Select(c => char.IsSurrogate(c) ? '\uFFFD' : c));

    private static string Inputs(IEnumerable<string> used) => string.Join(" | ", used.Select(HostileCorpus.Describe));
}

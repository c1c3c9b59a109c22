using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UedaPublicGoals.Feedback.AntiSpam;

namespace UedaPublicGoals.Tests.Unit.Feedback;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a small Kestrel app on a port the system picks) that speaks
/// the siteverify protocol: it records each form POST and answers with the JSON the test chose.
/// </summary>
public sealed class FakeSiteverify : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSiteverify(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    /// <summary>The JSON answered to every request.</summary>
    public string Answer { get; set; } = "{}";

    /// <summary>When set, requests wait until disposal: a siteverify that never answers.</summary>
    public bool Hang { get; set; }

    public ConcurrentQueue<(string ContentType, Dictionary<string, string> Fields)> Requests { get; } = new();

    public static async Task<FakeSiteverify> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSiteverify(app);
        app.MapPost("/recaptcha/api/siteverify", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            server.Requests.Enqueue((context.Request.ContentType ?? "", form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (server.Hang)
            {
                await server.release.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            return Results.Text(server.Answer, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = address.TrimEnd('/') + "/recaptcha/api/siteverify";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed class RecaptchaVerifierTests : IAsyncLifetime
{
    private FakeSiteverify siteverify = null!;

    public async Task InitializeAsync() => siteverify = await FakeSiteverify.StartAsync();

    public async Task DisposeAsync() => await siteverify.DisposeAsync();

    private RecaptchaVerifier Verifier(double timeoutSeconds = 5) => new(
        new HttpClient(),
        Forms.AntiSpam(o =>
        {
            o.Recaptcha.Enabled = true;
            o.Recaptcha.SiteKey = "site-key";
            o.Recaptcha.SecretKey = "secret-key";
            o.Recaptcha.VerifyUrl = siteverify.Url;
            o.Recaptcha.Action = "feedback_submit";
            o.Recaptcha.MinimumScore = 0.5;
            o.Recaptcha.TimeoutSeconds = timeoutSeconds;
        }),
        NullLogger<RecaptchaVerifier>.Instance);

    private static HttpContext Request()
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("goals.example.jp");
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.23");
        return context;
    }

    private Task<HumanCheckResult> VerifyAsync(RecaptchaVerifier? verifier = null) =>
        (verifier ?? Verifier()).VerifyAsync(Forms.Of((RecaptchaVerifier.ResponseField, "token-from-the-browser")), Request());

    [Fact]
    public async Task A_successful_answer_for_the_right_action_host_and_score_passes_and_the_request_follows_the_protocol()
    {
        siteverify.Answer = """{"success":true,"score":0.9,"action":"feedback_submit","hostname":"goals.example.jp","challenge_ts":"2025-05-01T03:00:00Z"}""";

        var result = await VerifyAsync();

        Assert.True(result.IsPassed, result.ReasonCode);
        var (contentType, fields) = Assert.Single(siteverify.Requests);
        Assert.StartsWith("application/x-www-form-urlencoded", contentType);
        Assert.Equal("secret-key", fields["secret"]);
        Assert.Equal("token-from-the-browser", fields["response"]);
        Assert.Equal("198.51.100.23", fields["remoteip"]);
    }

    [Fact]
    public async Task A_low_score_fails_with_a_Japanese_message()
    {
        siteverify.Answer = """{"success":true,"score":0.1,"action":"feedback_submit","hostname":"goals.example.jp"}""";

        var result = await VerifyAsync();

        Assert.Equal("recaptcha-low-score", result.ReasonCode);
        Assert.Contains("ロボットによる送信の可能性", result.Message);
        Assert.True(result.CountsAsRejection);
    }

    [Fact]
    public async Task A_token_made_for_another_action_fails()
    {
        siteverify.Answer = """{"success":true,"score":0.9,"action":"login","hostname":"goals.example.jp"}""";
        Assert.Equal("recaptcha-wrong-action", (await VerifyAsync()).ReasonCode);
    }

    [Fact]
    public async Task A_token_made_on_another_host_fails()
    {
        siteverify.Answer = """{"success":true,"score":0.9,"action":"feedback_submit","hostname":"evil.example"}""";
        Assert.Equal("recaptcha-wrong-hostname", (await VerifyAsync()).ReasonCode);
    }

    [Theory]
    [InlineData("invalid-input-secret", "recaptcha-misconfigured", false)]
    [InlineData("missing-input-secret", "recaptcha-misconfigured", false)]
    [InlineData("timeout-or-duplicate", "recaptcha-expired", false)]
    [InlineData("invalid-input-response", "recaptcha-invalid-response", true)]
    [InlineData("missing-input-response", "recaptcha-invalid-response", true)]
    [InlineData("bad-request", "recaptcha-bad-request", false)]
    [InlineData("something-new", "recaptcha-failed", true)]
    public async Task Error_codes_are_mapped_to_reasons_and_messages(string code, string reason, bool countsAsRejection)
    {
        siteverify.Answer = $$"""{"success":false,"error-codes":["{{code}}"]}""";

        var result = await VerifyAsync();

        Assert.False(result.IsPassed);
        Assert.Equal(reason, result.ReasonCode);
        Assert.Equal(countsAsRejection, result.CountsAsRejection);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public async Task A_siteverify_that_does_not_answer_in_time_fails_with_a_timeout()
    {
        siteverify.Hang = true;

        var result = await VerifyAsync(Verifier(timeoutSeconds: 0.3));

        Assert.Equal("recaptcha-timeout", result.ReasonCode);
        Assert.Contains("入力した内容はそのままです", result.Message);
        Assert.False(result.CountsAsRejection);
    }

    [Fact]
    public async Task A_post_without_a_token_fails_without_asking_siteverify()
    {
        var result = await Verifier().VerifyAsync(Forms.Of(), Request());

        Assert.Equal("recaptcha-missing", result.ReasonCode);
        Assert.Empty(siteverify.Requests);
    }

    [Fact]
    public void The_content_security_policy_gains_the_recaptcha_sources()
    {
        var policy = RecaptchaContentSecurityPolicy.Extend("default-src 'self'; script-src 'self'; object-src 'none'", "https://www.google.com/recaptcha/api.js");
        Assert.Equal(
            "default-src 'self'; script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/; object-src 'none'; frame-src 'self' https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/",
            policy);
    }
}

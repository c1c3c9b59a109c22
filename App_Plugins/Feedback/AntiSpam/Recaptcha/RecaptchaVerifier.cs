using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// reCAPTCHA v3 through Google's siteverify protocol, implemented here (no package): POST secret,
/// response and remoteip as application/x-www-form-urlencoded, then check success, action,
/// hostname and score. The resident's page runs Google's script (feedback-recaptcha.js), so this
/// provider needs JavaScript and sends data to Google; the proof-of-work is the default.
/// </summary>
public sealed class RecaptchaVerifier(HttpClient http, IOptions<AntiSpamOptions> options, ILogger<RecaptchaVerifier> logger) : IHumanVerifier
{
    /// <summary>The hidden field the client script fills with the token.</summary>
    public const string ResponseField = "g-recaptcha-response";

    private const string TryAgain = "もう一度「送信する」を押してください。";

    private RecaptchaOptions Settings => options.Value.Recaptcha;

    public HumanCheckWidget CreateWidget(HttpContext httpContext) =>
        new(null, new RecaptchaWidget(Settings.SiteKey, Settings.Action, Settings.ScriptUrl));

    public async Task<HumanCheckResult> VerifyAsync(IFormCollection form, HttpContext httpContext, CancellationToken ct = default)
    {
        var token = form[ResponseField].ToString();
        if (string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return HumanCheckResult.Failed(
                "recaptcha-missing",
                "ロボットによる送信でないことを確認できませんでした。この確認にはJavaScriptが必要です。JavaScriptを有効にしてから、" + TryAgain);
        }

        var fields = new Dictionary<string, string> { ["secret"] = Settings.SecretKey, ["response"] = token };
        if (httpContext.Connection.RemoteIpAddress is { } ip)
        {
            fields["remoteip"] = ip.ToString();
        }

        SiteverifyResponse? answer;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
        try
        {
            using var response = await http.PostAsync(Settings.VerifyUrl, new FormUrlEncodedContent(fields), timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("reCAPTCHA siteverify answered HTTP {Status}.", (int)response.StatusCode);
                return Unavailable();
            }

            answer = await response.Content.ReadFromJsonAsync<SiteverifyResponse>(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("reCAPTCHA siteverify did not answer within {Seconds} s.", Settings.TimeoutSeconds);
            return HumanCheckResult.Failed(
                "recaptcha-timeout",
                "確認に時間がかかり、送信できませんでした。入力した内容はそのままです。少し待ってから、" + TryAgain,
                countsAsRejection: false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            logger.LogWarning(ex, "reCAPTCHA siteverify failed.");
            return Unavailable();
        }

        if (answer is null)
        {
            return Unavailable();
        }

        if (!answer.Success)
        {
            return FromErrorCodes(answer.ErrorCodes ?? []);
        }

        if (!string.Equals(answer.Action, Settings.Action, StringComparison.Ordinal))
        {
            return HumanCheckResult.Failed("recaptcha-wrong-action", "送信の確認ができませんでした。ページを開き直して、" + TryAgain);
        }

        var hostnames = Settings.Hostnames.Count > 0 ? Settings.Hostnames : [httpContext.Request.Host.Host];
        if (!hostnames.Contains(answer.Hostname ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return HumanCheckResult.Failed("recaptcha-wrong-hostname", "送信の確認ができませんでした。ページを開き直して、" + TryAgain);
        }

        if (answer.Score is not { } score || score < Settings.MinimumScore)
        {
            return HumanCheckResult.Failed(
                "recaptcha-low-score",
                "ロボットによる送信の可能性があると判定されたため、送信できませんでした。入力した内容はそのままです。時間をおいてもう一度送るか、郵送など、ほかの方法でお送りください。");
        }

        return HumanCheckResult.Passed();
    }

    /// <summary>siteverify's error codes, as the resident should understand them.</summary>
    private HumanCheckResult FromErrorCodes(IReadOnlyList<string> codes)
    {
        if (codes.Contains("missing-input-secret") || codes.Contains("invalid-input-secret"))
        {
            logger.LogError("reCAPTCHA rejected the secret key ({Codes}): check Feedback__AntiSpam__Recaptcha__SecretKey.", string.Join(",", codes));
            return HumanCheckResult.Failed(
                "recaptcha-misconfigured",
                "確認の仕組みに問題が起きているため、いまは送信できません。入力した内容はそのままです。時間をおいてもう一度お試しください。",
                countsAsRejection: false);
        }

        if (codes.Contains("timeout-or-duplicate"))
        {
            return HumanCheckResult.Failed("recaptcha-expired", "確認の有効期限が切れたか、すでに使われています。" + TryAgain, countsAsRejection: false);
        }

        if (codes.Contains("missing-input-response") || codes.Contains("invalid-input-response"))
        {
            return HumanCheckResult.Failed("recaptcha-invalid-response", "送信の確認ができませんでした。" + TryAgain);
        }

        if (codes.Contains("bad-request"))
        {
            return HumanCheckResult.Failed("recaptcha-bad-request", "送信の確認ができませんでした。" + TryAgain, countsAsRejection: false);
        }

        return HumanCheckResult.Failed("recaptcha-failed", "送信の確認ができませんでした。" + TryAgain);
    }

    private static HumanCheckResult Unavailable() =>
        HumanCheckResult.Failed(
            "recaptcha-unavailable",
            "確認の仕組みにつながらず、送信できませんでした。入力した内容はそのままです。少し待ってから、" + TryAgain,
            countsAsRejection: false);

    private sealed class SiteverifyResponse
    {
        [JsonPropertyName("success")]
        public bool Success { get; set; }

        [JsonPropertyName("score")]
        public double? Score { get; set; }

        [JsonPropertyName("action")]
        public string? Action { get; set; }

        [JsonPropertyName("hostname")]
        public string? Hostname { get; set; }

        [JsonPropertyName("error-codes")]
        public List<string>? ErrorCodes { get; set; }
    }
}

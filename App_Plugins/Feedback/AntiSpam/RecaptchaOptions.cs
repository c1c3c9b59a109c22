using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>reCAPTCHA v3, an alternative to the self-hosted proof-of-work: used when Enabled, on every submission. Bound from "Feedback:AntiSpam:Recaptcha", as part of <see cref="AntiSpamOptions"/>.</summary>
public sealed class RecaptchaOptions
{
    public bool Enabled { get; set; }

    public string SiteKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string VerifyUrl { get; set; } = "https://www.google.com/recaptcha/api/siteverify";

    public string ScriptUrl { get; set; } = "https://www.google.com/recaptcha/api.js";

    public string Action { get; set; } = "feedback_submit";

    [Range(0.0, 1.0)]
    public double MinimumScore { get; set; } = 0.5;

    /// <summary>Host names the token may have been issued on; empty: the request's own host.</summary>
    public List<string> Hostnames { get; set; } = [];

    /// <summary>How long to wait for siteverify before failing (the resident keeps the text and can try again).</summary>
    [Range(0.1, 120.0)]
    public double TimeoutSeconds { get; set; } = 5;
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace UedaPublicGoals.Feedback.Surveys;

/// <summary>
/// "This browser answered survey S with answer set A": a cookie signed and encrypted with Data
/// Protection (the key ring all nodes share), so it cannot be forged to read someone else's
/// answers. Once per browser: the form is replaced by the resident's own answers while it lasts.
/// </summary>
public sealed class SurveyAnsweredCookie(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Feedback.SurveyAnswered.v1");

    public static string Name(Survey survey) => "anketo-" + survey.Id.ToString(CultureInfo.InvariantCulture);

    public void Set(HttpContext context, Survey survey, long answerSetId) =>
        context.Response.Cookies.Append(Name(survey), protector.Protect(string.Join('|', survey.Id, answerSetId)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = SurveyPaths.Survey(survey.Slug),
            MaxAge = TimeSpan.FromDays(400),
            IsEssential = true,
        });

    /// <summary>The answer set this browser stored for the survey, or null.</summary>
    public long? Read(HttpContext context, Survey survey)
    {
        if (!context.Request.Cookies.TryGetValue(Name(survey), out var value) || string.IsNullOrEmpty(value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2
                && parts[0] == survey.Id.ToString(CultureInfo.InvariantCulture)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>The public URLs of the survey feature.</summary>
public static class SurveyPaths
{
    public const string Segment = "anketo";

    public const string List = "/iken/" + Segment;

    public static string Survey(string slug) => $"{List}/{slug}";

    public static string Results(string slug) => $"{List}/{slug}/kekka";
}

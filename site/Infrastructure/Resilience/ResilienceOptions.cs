using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Infrastructure.Resilience;

/// <summary>How the site answers and logs while its database is unreachable; bound from the "Resilience" section.</summary>
public sealed class ResilienceOptions
{
    public const string Section = "Resilience";

    /// <summary>Retry-After (seconds) of the 503 answered while the database is unreachable.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>An outage is logged with its stack trace once per interval; the requests in between are only counted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OutageLogInterval { get; set; } = TimeSpan.FromMinutes(1);
}

using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Accounts.Sessions;

/// <summary>Bound from "Backoffice:Sessions".</summary>
public sealed class StaffSessionOptions
{
    public const string Section = "Backoffice:Sessions";

    /// <summary>A session idle this long ends (the cookie slides while it is used).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Backoffice:Sessions:IdleTimeout must be between 1 minute and 1 day.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Backoffice:Sessions:AbsoluteLifetime must be between 1 minute and 7 days.")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

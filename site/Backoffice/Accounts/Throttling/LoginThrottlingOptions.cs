using System.ComponentModel.DataAnnotations;

namespace UedaPublicGoals.Backoffice.Accounts.Throttling;

/// <summary>Bound from "Backoffice:LoginThrottling".</summary>
public sealed class LoginThrottlingOptions
{
    public const string Section = "Backoffice:LoginThrottling";

    /// <summary>How far back failures count.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Backoffice:LoginThrottling:Window must be between 1 minute and 1 day.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures (per address or per account) answered without delay.</summary>
    [Range(0, 1000, ErrorMessage = "Backoffice:LoginThrottling:FreeFailures must be between 0 and 1000.")]
    public int FreeFailures { get; set; } = 3;

    /// <summary>The first delay after the free failures; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Backoffice:LoginThrottling:BaseDelay must be between 0 and 1 minute.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Backoffice:LoginThrottling:MaxDelay must be between 0 and 1 minute.")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failures from one client address (IPv4, or IPv6 /64) after which it is refused with 429
    /// until the window frees. Accounts only slow down, never refuse: a per-account refusal would
    /// let anyone lock the administrator out.
    /// </summary>
    [Range(1, 100000, ErrorMessage = "Backoffice:LoginThrottling:AddressLimit must be between 1 and 100000.")]
    public int AddressLimit { get; set; } = 20;
}

namespace UedaPublicGoals.Feedback.AntiSpam;

public enum BotTrapVerdict
{
    /// <summary>Nothing suggests a bot.</summary>
    Human,

    /// <summary>The hidden field people never see was filled in.</summary>
    HoneypotFilled,

    /// <summary>Sent sooner after the form was issued than a person can read and type.</summary>
    TooFast,
}

/// <summary>
/// The two silent traps: a honeypot field and a minimum fill time measured from the signed
/// form ticket. A caught submission gets a normal-looking thanks page and is not stored,
/// so a bot learns nothing it could adjust to.
/// </summary>
public static class BotTrap
{
    /// <summary>The honeypot's form field name: a plausible field a form filler would complete.</summary>
    public const string HoneypotField = "Website";

    public static BotTrapVerdict Check(string? honeypotValue, DateTime formIssuedUtc, DateTime nowUtc, int minimumFillSeconds)
    {
        if (!string.IsNullOrEmpty(honeypotValue))
        {
            return BotTrapVerdict.HoneypotFilled;
        }

        return nowUtc - formIssuedUtc < TimeSpan.FromSeconds(minimumFillSeconds)
            ? BotTrapVerdict.TooFast
            : BotTrapVerdict.Human;
    }
}

namespace UedaPublicGoals.Feedback.AntiSpam;

/// <summary>
/// Bound from "Feedback:AntiSpam:ClientAllowance": how many comments one client (IPv4 address or
/// IPv6 /64) may send in the window without the proof-of-work. Beyond it the proof-of-work is
/// asked for instead of refusing, so a class of 40 behind one school address can all send.
/// Counted from the stored comments, so the allowance holds across nodes.
/// </summary>
public sealed class ClientAllowanceOptions
{
    public int Comments { get; set; } = 5;

    public int WindowMinutes { get; set; } = 10;

    /// <summary>
    /// When the proof-of-work is asked of everyone (On, or Auto under attack), a client past its
    /// allowance gets a puzzle this many bits harder (each bit doubles the work).
    /// </summary>
    public int ExtraDifficultyBits { get; set; } = 2;
}

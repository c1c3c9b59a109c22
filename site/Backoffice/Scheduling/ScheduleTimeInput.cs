using UedaPublicGoals.Backoffice.Editing;

namespace UedaPublicGoals.Backoffice.Scheduling;

/// <summary>A future moment typed by staff in Japan time (datetime-local), read to UTC with a Japanese error next to the field.</summary>
public static class ScheduleTimeInput
{
    public static DateTime? Read(string? value, string field, string label, DateTime nowUtc, FormErrors errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"{label}を入力してください（日本時間）。");
            }

            return null;
        }

        if (!TokyoTime.TryParseLocalInput(value, out var utc))
        {
            errors.Add(field, $"{label}は 2024-10-01T09:00 の形の、存在する日時にしてください（日本時間）。");
            return null;
        }

        if (utc <= nowUtc)
        {
            errors.Add(field, $"{label}は、いまより後の日時にしてください（日本時間）。");
            return null;
        }

        return utc;
    }
}

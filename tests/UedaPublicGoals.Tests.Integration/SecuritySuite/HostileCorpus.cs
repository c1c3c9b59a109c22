using System.Text;

namespace UedaPublicGoals.Tests.Integration.SecuritySuite;

/// <summary>
/// Hostile inputs by category, built deterministically (no randomness here; the walk's sampling has a fixed seed).
/// Inputs containing '&lt;' are the ones an unescaped echo would show verbatim.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<(string Category, string Input)> All { get; } = Build();

    private static List<(string, string)> Build()
    {
        var corpus = new List<(string, string)>();
        void Add(string category, IEnumerable<string> inputs) => corpus.AddRange(inputs.Select(i => (category, i)));

        string[] xssCores =
        [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<body onload=alert(1)>", "<details open ontoggle=alert(1)>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "</textarea><script>alert(1)</script>", "</title><script>alert(1)</script>", "<style>*{background:url(javascript:alert(1))}</style>",
            "<input autofocus onfocus=alert(1)>", "<object data=\"data:text/html,<script>alert(1)</script>\">", "<x onclick=alert(1)>click",
        ];
        Add("xss", xssCores);
        Add("xss", xssCores.Select(x => "重点目標" + x + "です"));
        Add("xss", xssCores.Select(x => x.ToUpperInvariant()));
        Add("xss", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "[x](javascript:alert(1))", "![x](javascript:alert(1))", "<!--", "]]><script>alert(1)</script>", "&lt;script&gt;", "%3Cscript%3Ealert(1)%3C/script%3E"]);

        Add("sql", ["' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "1; DROP TABLE FeedbackComments; --", "'; DELETE FROM Documents; --", "1' UNION SELECT NULL,NULL--",
            "admin'--", "1 AND SLEEP(5)", "'; SELECT pg_sleep(5); --", "1)) OR ((1=1", "%' AND 1=0 UNION SELECT sqlite_version() --", "\\'; --",
            "1 OR 1=1", "' || (SELECT 1) || '", "'; COPY (SELECT 1) TO PROGRAM 'id'; --", "1e309", "0x7FFFFFFF", "' AND extractvalue(1,concat(0x7e,version())) --",
            "ORDER BY 100", "LIKE '%", "%", "_", "[]", "\\"]);
        Add("template", ["{{7*7}}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "@(7*7)", "@{throw new System.Exception();}", "{{constructor.constructor('alert(1)')()}}",
            "${jndi:ldap://127.0.0.1/a}", "{% raw %}", "{{ '' | safe }}", "@Html.Raw(\"<b>\")", "[[${7*7}]]", "*{7*7}", "{0}{1}{2}", "%s%s%s%n", "{{", "}}"]);

        int[] noncharacters = [0xFFFE, 0xFFFF, 0xFDD0, 0xFDDF, 0xFDEF, 0x1FFFE, 0x1FFFF, 0x2FFFE, 0x10FFFE, 0x10FFFF];
        Add("nonchar", noncharacters.Select(c => char.ConvertFromUtf32(c)));
        Add("nonchar", noncharacters.Select(c => "意見" + char.ConvertFromUtf32(c) + "です"));
        Add("surrogate", ["\uD800", "\uDFFF", "a\uD83Db", "\uDE00x", "意見\uD800", "\uDC00\uD800", "\uD83D\uDE00\uD83D", "x\uDBFF"]);
        Add("control", Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => $"a{(char)c}b"));
        Add("control", Enumerable.Range(0x7F, 33).Select(c => $"意{(char)c}見"));
        Add("control", ["\u202Eevil", "\u200B", "\uFEFF", "a\u2028b", "a\u2029b", "\r\n\r\n", "\t", "\0"]);

        Add("long", [new string('あ', 5000), new string('a', 70_000), string.Concat(Enumerable.Repeat("<b>", 2000)), string.Concat(Enumerable.Repeat("1", 400)),
            string.Concat(Enumerable.Repeat("\U0001F600", 3000)), new string(' ', 10_000), string.Concat(Enumerable.Repeat("a@b.jp,", 1000))]);
        Add("path", ["../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "/etc/passwd", "file:///etc/passwd",
            "..", ".", " ", "  ", "\t", "%00", "%20", "%2F", "//evil.example", "/\\evil.example", "http://evil.example/", "https:evil.example", "CON", "NUL.txt",
            "a/../../b", "~root", "*", "?", "#", ";", "&", "=", "+"]);
        Add("header", ["x\r\nSet-Cookie: a=b", "x\nLocation: http://evil.example", "a@b.jp\r\nBcc: c@d.jp", "a@b.jp,c@d.jp", "a@b.jp;c@d.jp", "\"A\" <a@b.jp>",
            "a@b.jp\r\n\r\n<html>", "%0d%0aSet-Cookie:x=y", "a@b.jp\u0085Bcc: c@d.jp", "=?utf-8?b?PHNjcmlwdD4=?=", "a\u2028Bcc: c@d.jp", "x\r\nContent-Length: 0"]);
        Add("formula", ["=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "=IMPORTXML(\"http://evil.example\",\"//a\")",
            "'=1+1", "=2+5+cmd|' /C calc'!A0", "=DDE(\"cmd\";\"/C calc\";\"!A0\")", "+-@=", "=\"\"&\"\""]);
        Add("number", ["-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "1e10", "1.5", "NaN", "Infinity", "-Infinity", "0x10",
            "１２３", "١٢٣", "1,000", "1 000", "+1", "00000000001", "1/0", "true", "null", "undefined", "[]", "{}", "00000000-0000-0000-0000-000000000000", "not-a-guid"]);
        Add("date", ["9999-12-31", "0001-01-01", "10000-01-01", "2024-02-30", "2024-13-01", "2024-00-10", "2024/04/01", "令和6年4月1日", "R6.4.1", "2024-04-01T25:61",
            "9999-12-31T23:59:59", "0001-01-01T00:00", "-2024-01-01", "2024-W01", "1970-01-01T00:00:00Z", "2038-01-19T03:14:08", "2024-04-01T09:00+99:00", "yesterday", ""]);
        return corpus;
    }

    /// <summary>Whether seeing <paramref name="input"/> verbatim in an HTML page means it was echoed unescaped.</summary>
    public static bool ShowsUnescapedEcho(string input) => input.Contains('<', StringComparison.Ordinal) && input.Length >= 4 && input.Length < 10_000;

    public static string Describe(string input)
    {
        var shown = new StringBuilder();
        foreach (var rune in input.Take(60))
        {
            shown.Append(char.IsControl(rune) || char.IsSurrogate(rune) || rune is '\uFFFE' or '\uFFFF' ? $"\\u{(int)rune:X4}" : rune.ToString());
        }

        return input.Length > 60 ? shown + $"…({input.Length})" : shown.ToString();
    }
}

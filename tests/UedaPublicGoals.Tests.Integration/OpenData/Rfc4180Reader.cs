using System.Text;

namespace UedaPublicGoals.Tests.Integration.OpenData;

/// <summary>
/// A strict RFC 4180 reader written for the tests, independent of the CSV library the site
/// uses: records end with CRLF (a bare CR or LF outside quotes is an error), quoted fields may
/// hold commas, doubled quotes and line breaks.
/// </summary>
public static class Rfc4180Reader
{
    public static List<string[]> Read(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("Unterminated quoted field.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"A quote inside an unquoted field at {i}.");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                throw new FormatException("The last record does not end with CRLF.");
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
                continue;
            }

            throw new FormatException($"A record ends with something other than CRLF at {i}.");
        }

        return records;
    }
}

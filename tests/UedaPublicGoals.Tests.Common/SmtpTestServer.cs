using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;

namespace UedaPublicGoals.Tests.Common;

/// <summary>A message as the SMTP server received it.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, string Data)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));
}

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no
/// AUTH) that keeps what it receives, so the tests see exactly what MailKit sent over a real socket.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    private readonly Task acceptLoop;

    public SmtpTestServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    /// <summary>The portal's mail settings that point its one SMTP sender at this listener.</summary>
    public IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:UseStartTls"] = "false",
        ["Mail:From"] = "portal@example.jp",
    };

    public int Port { get; }

    /// <summary>The next message; fails the test when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No e-mail reached the SMTP server on port {Port} within {timeout}.");
        }
    }

    public bool TryTake(out ReceivedMail? mail) => received.Reader.TryRead(out mail);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string? from = null;
        var recipients = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = line[(line.IndexOf(':') + 1)..].Trim();
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>'));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        received.Writer.TryWrite(new ReceivedMail(from ?? "", recipients.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }
}

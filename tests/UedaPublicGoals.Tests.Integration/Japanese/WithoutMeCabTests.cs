using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UedaPublicGoals.Tests.Integration.Infrastructure;
using static UedaPublicGoals.Tests.Integration.Japanese.JapanesePortal;

namespace UedaPublicGoals.Tests.Integration.Japanese;

/// <summary>Where the analyzer is missing (here: a dictionary folder that does not exist) the site still serves everything.</summary>
public sealed class WithoutMeCabTests : IDisposable
{
    private readonly MissingDictionaryPortal portal = new();

    [Fact]
    public async Task The_site_starts_logs_one_clear_line_and_hides_the_switch()
    {
        var client = portal.CreatePublicClient();

        var page = HtmlText.Parse(await client.GetStringAsync(GoalPath("koho") + "?furigana=on"));

        Assert.Null(page.QuerySelector("a.site-nav__furigana"));
        Assert.Empty(page.QuerySelectorAll("ruby"));
        Assert.NotEmpty(page.QuerySelectorAll("a.glossary-term"));
        var line = Assert.Single(portal.Logs.Messages, m => m.Contains("Furigana and kana search are off", StringComparison.Ordinal));
        Assert.Contains("mecab-ipadic-utf8", line);
    }

    public void Dispose() => portal.Dispose();

    private sealed class MissingDictionaryPortal : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Japanese:MeCabDictionaryPath", Path.Combine(WorkDirectory, "no-dictionary"));
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}

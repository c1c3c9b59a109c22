using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UedaPublicGoals.Feedback.Hosting;

/// <summary>
/// The module's background loops (the sweep for unsent comment e-mails, the daily digest, the response e-mails):
/// wait, run one pass in its own DI scope, log a failed pass and try again at the next turn, stop with the host.
/// </summary>
public static class RepeatingWork
{
    /// <param name="untilNext">How long to wait before each pass, asked afresh every turn.</param>
    /// <param name="pass">One pass, with the scope's services.</param>
    /// <param name="failed">Logs a failed pass; the loop goes on.</param>
    public static async Task RunAsync(
        IServiceScopeFactory scopes,
        TimeProvider clock,
        Func<TimeSpan> untilNext,
        Func<IServiceProvider, CancellationToken, Task> pass,
        Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // A cancelled delay ends the loop below instead of throwing out of the host's stop.
            await Task.Delay(untilNext(), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                using var scope = scopes.CreateScope();
                await pass(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failed(ex);
            }
        }
    }

}

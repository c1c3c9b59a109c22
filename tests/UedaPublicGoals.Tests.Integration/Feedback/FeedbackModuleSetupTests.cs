using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback;

public sealed class FeedbackModuleSetupTests
{
    private static async Task AssertSeededOnceAsync(PortalFactory portal)
    {
        await portal.Services.InitializeFeedbackAsync(); // a second start
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var consultation = Assert.Single(await db.Consultations.ToListAsync());
        Assert.Equal("第三次上田市総合計画への意見", consultation.Title);
        Assert.True(consultation.IsDefault);
        Assert.Null(consultation.ClosesUtc);
        Assert.Equal(FeedbackSeeder.ComprehensivePlanFields, consultation.Fields);

        var rule = Assert.Single(await db.RoutingRules.ToListAsync());
        Assert.Equal("seisaku-kikaku", rule.DepartmentSlug);
        Assert.Equal(consultation.Id, rule.ConsultationId);
    }

    [Fact]
    public async Task The_module_migrates_its_own_tables_and_seeds_the_comprehensive_plan_consultation_once_on_SQLite()
    {
        using var portal = new PortalFactory();
        await AssertSeededOnceAsync(portal);
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgres(PostgresServer postgres)
    {
        [Fact]
        public async Task The_module_migrates_and_seeds_on_PostgreSQL()
        {
            using var portal = new PortalFactory { PostgresConnectionString = postgres.ConnectionStringFor("feedback_setup") };
            await AssertSeededOnceAsync(portal);
        }
    }
}

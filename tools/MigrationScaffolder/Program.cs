// Usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName> [Portal|Feedback]
// Adds a migration with that name for every provider (SQLite and PostgreSQL): for the
// portal into site/Infrastructure/Database/Migrations/{Provider}/, for the feedback module
// into App_Plugins/Feedback/Data/Migrations/{Provider}/. Same services dotnet-ef uses.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Infrastructure.Database;

if (args.Length is < 1 or > 2 || string.IsNullOrWhiteSpace(args[0]) || (args.Length == 2 && args[1] is not ("Portal" or "Feedback")))
{
    Console.Error.WriteLine("usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName> [Portal|Feedback]");
    return 2;
}

var feedback = args.Length == 2 && args[1] == "Feedback";
var repositoryDirectory = Path.GetDirectoryName(FindSiteDirectory())!;
var projectDirectory = feedback ? Path.Combine(repositoryDirectory, "App_Plugins", "Feedback") : Path.Combine(repositoryDirectory, "site");
var (rootNamespace, migrationsFolder) = feedback
    ? ("UedaPublicGoals.Feedback", Path.Combine("Data", "Migrations"))
    : ("UedaPublicGoals", Path.Combine("Infrastructure", "Database", "Migrations"));
var contexts = feedback
    ? new (string Provider, Func<DbContext> Create)[]
    {
        ("Sqlite", () => new SqliteFeedbackDbContext(new DbContextOptionsBuilder<SqliteFeedbackDbContext>().UseSqlite("Data Source=:memory:").Options)),
        ("Postgres", () => new PostgresFeedbackDbContext(new DbContextOptionsBuilder<PostgresFeedbackDbContext>().UseNpgsql("Host=127.0.0.1").Options)),
    }
    : new (string Provider, Func<DbContext> Create)[]
    {
        ("Sqlite", () => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options)),
        ("Postgres", () => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=127.0.0.1").Options)),
    };

foreach (var (provider, create) in contexts)
{
    using var context = create();
    var reporter = new OperationReporter(new OperationReportHandler(
        errorHandler: m => Console.Error.WriteLine($"error: {m}"),
        warningHandler: m => Console.WriteLine($"warning: {m}"),
        informationHandler: Console.WriteLine,
        verboseHandler: _ => { }));
    var assembly = context.GetType().Assembly;
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var subNamespace = $"{migrationsFolder.Replace(Path.DirectorySeparatorChar, '.')}.{provider}";
    var migration = scaffolder.ScaffoldMigration(args[0], rootNamespace, subNamespace, "C#");
    var files = scaffolder.Save(projectDirectory, migration, Path.Combine(projectDirectory, migrationsFolder, provider));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(repositoryDirectory, files.MigrationFile!)}");
}

return 0;

static string FindSiteDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var site = Path.Combine(directory.FullName, "site", "UedaPublicGoals.Site.csproj");
        if (File.Exists(site))
        {
            return Path.GetDirectoryName(site)!;
        }
    }

    throw new InvalidOperationException("Run from inside the repository: site/UedaPublicGoals.Site.csproj not found above " + AppContext.BaseDirectory);
}

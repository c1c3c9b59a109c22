// Usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName>
// Adds a migration with that name for every provider (SQLite and PostgreSQL), into
// site/Infrastructure/Database/Migrations/{Provider}/. Same services dotnet-ef uses.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Infrastructure.Database;

if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName>");
    return 2;
}

var siteDirectory = FindSiteDirectory();
var contexts = new (string Provider, Func<DbContext> Create)[]
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
    var siteAssembly = typeof(PortalDbContext).Assembly;
    var services = new DesignTimeServicesBuilder(siteAssembly, siteAssembly, reporter, []).Build(context);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "UedaPublicGoals", $"Infrastructure.Database.Migrations.{provider}", "C#");
    var files = scaffolder.Save(siteDirectory, migration, Path.Combine(siteDirectory, "Infrastructure", "Database", "Migrations", provider));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(siteDirectory, files.MigrationFile!)}");
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

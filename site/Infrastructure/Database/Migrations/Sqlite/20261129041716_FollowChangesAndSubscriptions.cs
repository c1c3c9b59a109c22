using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowChangesAndSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowGoalChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    GoalTitle = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowGoalChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddressProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationNonce = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DigestedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowGoalChanges_DocumentId_Version_Key",
                table: "FollowGoalChanges",
                columns: new[] { "DocumentId", "Version", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowGoalChanges_Utc",
                table: "FollowGoalChanges",
                column: "Utc");

            migrationBuilder.CreateIndex(
                name: "IX_FollowSubscriptions_AddressHash_Topic",
                table: "FollowSubscriptions",
                columns: new[] { "AddressHash", "Topic" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowGoalChanges");

            migrationBuilder.DropTable(
                name: "FollowSubscriptions");
        }
    }
}

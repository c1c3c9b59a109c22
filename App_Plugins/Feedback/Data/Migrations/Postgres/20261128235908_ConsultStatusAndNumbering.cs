using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsultStatusAndNumbering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckCodeHash",
                table: "FeedbackComments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResponseMailedUtc",
                table: "FeedbackComments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackReceiptCounters",
                columns: table => new
                {
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackReceiptCounters", x => x.FiscalYear);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackStatusLookupFailures",
                columns: table => new
                {
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MinuteUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackStatusLookupFailures", x => new { x.ReceiptNumber, x.MinuteUtc });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_ClientHash_ReceivedUtc",
                table: "FeedbackComments",
                columns: new[] { "ClientHash", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackStatusLookupFailures_MinuteUtc",
                table: "FeedbackStatusLookupFailures",
                column: "MinuteUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackReceiptCounters");

            migrationBuilder.DropTable(
                name: "FeedbackStatusLookupFailures");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackComments_ClientHash_ReceivedUtc",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "CheckCodeHash",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "ResponseMailedUtc",
                table: "FeedbackComments");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportingCalendarMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalReportMonth",
                table: "FiscalYears",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "MidtermReportMonth",
                table: "FiscalYears",
                type: "integer",
                nullable: false,
                defaultValue: 10);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinalReportMonth",
                table: "FiscalYears");

            migrationBuilder.DropColumn(
                name: "MidtermReportMonth",
                table: "FiscalYears");
        }
    }
}

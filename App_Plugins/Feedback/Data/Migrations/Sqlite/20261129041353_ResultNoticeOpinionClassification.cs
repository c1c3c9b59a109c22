using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResultNoticeOpinionClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Gist",
                table: "FeedbackComments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpinionCategory",
                table: "FeedbackComments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Uptake",
                table: "FeedbackComments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackResultNoticeSettings",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    DraftPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChangesFromDraft = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResultNoticeSettings", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_FeedbackResultNoticeSettings_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResultNoticeVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResultNoticeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResultNoticeVersions_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResultNoticeVersions_ConsultationId_Number",
                table: "FeedbackResultNoticeVersions",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackResultNoticeSettings");

            migrationBuilder.DropTable(
                name: "FeedbackResultNoticeVersions");

            migrationBuilder.DropColumn(
                name: "Gist",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "OpinionCategory",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "Uptake",
                table: "FeedbackComments");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpinionCategory",
                table: "FeedbackComments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Uptake",
                table: "FeedbackComments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackResultNoticeSettings",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    DraftPublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChangesFromDraft = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResultNoticeSettings", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_FeedbackResultNoticeSettings_FeedbackConsultations_Consulta~",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResultNoticeVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DocumentJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResultNoticeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResultNoticeVersions_FeedbackConsultations_Consulta~",
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

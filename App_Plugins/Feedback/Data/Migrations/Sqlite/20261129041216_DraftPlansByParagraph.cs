using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftPlansByParagraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DraftVersionId",
                table: "FeedbackComments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParagraphRef",
                table: "FeedbackComments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackDraftPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OpensUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDraftPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackDraftPlans_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackDraftPlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDraftPlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackDraftPlanVersions_FeedbackDraftPlans_DraftPlanId",
                        column: x => x.DraftPlanId,
                        principalTable: "FeedbackDraftPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_DraftVersionId_ParagraphRef",
                table: "FeedbackComments",
                columns: new[] { "DraftVersionId", "ParagraphRef" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDraftPlans_ConsultationId",
                table: "FeedbackDraftPlans",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDraftPlans_Slug",
                table: "FeedbackDraftPlans",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDraftPlanVersions_DraftPlanId_Number",
                table: "FeedbackDraftPlanVersions",
                columns: new[] { "DraftPlanId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackComments_FeedbackDraftPlanVersions_DraftVersionId",
                table: "FeedbackComments",
                column: "DraftVersionId",
                principalTable: "FeedbackDraftPlanVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackComments_FeedbackDraftPlanVersions_DraftVersionId",
                table: "FeedbackComments");

            migrationBuilder.DropTable(
                name: "FeedbackDraftPlanVersions");

            migrationBuilder.DropTable(
                name: "FeedbackDraftPlans");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackComments_DraftVersionId_ParagraphRef",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "DraftVersionId",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "ParagraphRef",
                table: "FeedbackComments");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveysAddTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SurveyAnswerSetId",
                table: "FeedbackComments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedbackSurveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AudienceLabel = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OpensUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveys_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSurveyAnswerSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmissionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClientHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AgeGroup = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSurveyAnswerSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyAnswerSets_FeedbackSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "FeedbackSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsAgeGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConditionQuestionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    ConditionChoiceNumber = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyQuestions_FeedbackSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "FeedbackSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSurveyChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgeGroup = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSurveyChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyChoices_FeedbackSurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "FeedbackSurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChoiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1800, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyAnswers_FeedbackSurveyAnswerSets_AnswerSetId",
                        column: x => x.AnswerSetId,
                        principalTable: "FeedbackSurveyAnswerSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyAnswers_FeedbackSurveyChoices_ChoiceId",
                        column: x => x.ChoiceId,
                        principalTable: "FeedbackSurveyChoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackSurveyAnswers_FeedbackSurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "FeedbackSurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_SurveyAnswerSetId",
                table: "FeedbackComments",
                column: "SurveyAnswerSetId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyAnswers_AnswerSetId",
                table: "FeedbackSurveyAnswers",
                column: "AnswerSetId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyAnswers_ChoiceId",
                table: "FeedbackSurveyAnswers",
                column: "ChoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyAnswers_QuestionId_ChoiceId",
                table: "FeedbackSurveyAnswers",
                columns: new[] { "QuestionId", "ChoiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyAnswerSets_SubmissionId",
                table: "FeedbackSurveyAnswerSets",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyAnswerSets_SurveyId_ReceivedUtc",
                table: "FeedbackSurveyAnswerSets",
                columns: new[] { "SurveyId", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyChoices_QuestionId_Number",
                table: "FeedbackSurveyChoices",
                columns: new[] { "QuestionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveyQuestions_SurveyId_Number",
                table: "FeedbackSurveyQuestions",
                columns: new[] { "SurveyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveys_ConsultationId",
                table: "FeedbackSurveys",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSurveys_Slug",
                table: "FeedbackSurveys",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_FeedbackComments_FeedbackSurveyAnswerSets_SurveyAnswerSetId",
                table: "FeedbackComments",
                column: "SurveyAnswerSetId",
                principalTable: "FeedbackSurveyAnswerSets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FeedbackComments_FeedbackSurveyAnswerSets_SurveyAnswerSetId",
                table: "FeedbackComments");

            migrationBuilder.DropTable(
                name: "FeedbackSurveyAnswers");

            migrationBuilder.DropTable(
                name: "FeedbackSurveyAnswerSets");

            migrationBuilder.DropTable(
                name: "FeedbackSurveyChoices");

            migrationBuilder.DropTable(
                name: "FeedbackSurveyQuestions");

            migrationBuilder.DropTable(
                name: "FeedbackSurveys");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackComments_SurveyAnswerSetId",
                table: "FeedbackComments");

            migrationBuilder.DropColumn(
                name: "SurveyAnswerSetId",
                table: "FeedbackComments");
        }
    }
}

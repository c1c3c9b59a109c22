using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackConsultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    OpensUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StaffEmails = table.Column<List<string>>(type: "text[]", nullable: false),
                    Notification = table.Column<int>(type: "integer", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    PersonalDataRetentionDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackConsultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRejectionCounters",
                columns: table => new
                {
                    MinuteUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRejectionCounters", x => x.MinuteUtc);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSpentChallenges",
                columns: table => new
                {
                    ChallengeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSpentChallenges", x => x.ChallengeId);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackSubmissionTokens",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackSubmissionTokens", x => x.Token);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackRoutingRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    GoalDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Keyword = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackRoutingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackRoutingRules_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    RoutingRuleId = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    GoalDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DepartmentSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    GoalTitle = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AgeGroup = table.Column<int>(type: "integer", nullable: true),
                    Residence = table.Column<int>(type: "integer", nullable: true),
                    Nickname = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReplyEmailProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClientHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PersonalDataPurgedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AssigneeEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CityResponse = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    NotifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackComments_FeedbackConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "FeedbackConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackComments_FeedbackRoutingRules_RoutingRuleId",
                        column: x => x.RoutingRuleId,
                        principalTable: "FeedbackRoutingRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCommentNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCommentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackCommentNotes_FeedbackComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "FeedbackComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCommentNotes_CommentId",
                table: "FeedbackCommentNotes",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_ConsultationId_Status_ReceivedUtc",
                table: "FeedbackComments",
                columns: new[] { "ConsultationId", "Status", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_ReceiptNumber",
                table: "FeedbackComments",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_ReceivedUtc",
                table: "FeedbackComments",
                column: "ReceivedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_RoutingRuleId",
                table: "FeedbackComments",
                column: "RoutingRuleId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackConsultations_Slug",
                table: "FeedbackConsultations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRoutingRules_ConsultationId",
                table: "FeedbackRoutingRules",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackRoutingRules_Order",
                table: "FeedbackRoutingRules",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSpentChallenges_ExpiresUtc",
                table: "FeedbackSpentChallenges",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackSubmissionTokens_CreatedUtc",
                table: "FeedbackSubmissionTokens",
                column: "CreatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackCommentNotes");

            migrationBuilder.DropTable(
                name: "FeedbackRejectionCounters");

            migrationBuilder.DropTable(
                name: "FeedbackSpentChallenges");

            migrationBuilder.DropTable(
                name: "FeedbackSubmissionTokens");

            migrationBuilder.DropTable(
                name: "FeedbackComments");

            migrationBuilder.DropTable(
                name: "FeedbackRoutingRules");

            migrationBuilder.DropTable(
                name: "FeedbackConsultations");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UedaPublicGoals.Feedback.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommentInitiative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InitiativeTitle",
                table: "FeedbackComments",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InitiativeTitle",
                table: "FeedbackComments");
        }
    }
}

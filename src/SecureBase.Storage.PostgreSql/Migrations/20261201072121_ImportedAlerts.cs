using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecureBase.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ImportedAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Imported",
                table: "Alerts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Imported",
                table: "Alerts");
        }
    }
}

using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecureBase.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Guidance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DesireDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Feasible = table.Column<bool>(type: "boolean", nullable: true),
                    DuringFrustration = table.Column<bool>(type: "boolean", nullable: false),
                    ReactionToRule = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Votes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesireDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DesireDecisions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DesireDecisions_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Agreements = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdRules_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SleepTrainingPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Schedule = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SleepTrainingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SleepTrainingPlans_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SleepTrainingPlans_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SleepTrainingNights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    NightNumber = table.Column<int>(type: "integer", nullable: false),
                    Fed = table.Column<bool>(type: "boolean", nullable: false),
                    EnoughTimeTogetherToday = table.Column<bool>(type: "boolean", nullable: false),
                    EmotionalNeedsMet = table.Column<bool>(type: "boolean", nullable: false),
                    Tired = table.Column<bool>(type: "boolean", nullable: false),
                    Bathed = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CryEpisodeIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Events = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SleepTrainingNights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SleepTrainingNights_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SleepTrainingNights_SleepTrainingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SleepTrainingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DesireDecisions_ChildId",
                table: "DesireDecisions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_DesireDecisions_HouseholdId_OpenedAt",
                table: "DesireDecisions",
                columns: new[] { "HouseholdId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdRules_HouseholdId",
                table: "HouseholdRules",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SleepTrainingNights_HouseholdId_PlanId_NightNumber",
                table: "SleepTrainingNights",
                columns: new[] { "HouseholdId", "PlanId", "NightNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SleepTrainingNights_PlanId",
                table: "SleepTrainingNights",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_SleepTrainingPlans_ChildId",
                table: "SleepTrainingPlans",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SleepTrainingPlans_HouseholdId_ChildId",
                table: "SleepTrainingPlans",
                columns: new[] { "HouseholdId", "ChildId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DesireDecisions");

            migrationBuilder.DropTable(
                name: "HouseholdRules");

            migrationBuilder.DropTable(
                name: "SleepTrainingNights");

            migrationBuilder.DropTable(
                name: "SleepTrainingPlans");
        }
    }
}

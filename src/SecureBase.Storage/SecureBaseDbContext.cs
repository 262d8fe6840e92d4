using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Access;
using SecureBase.Storage.Audit;
using SecureBase.Storage.Model;

namespace SecureBase.Storage;

/// <summary>
/// The one database of a SecureBase instance: Identity's tables plus households, the journal, its audit trail,
/// API tokens and invitations. Every non-Identity row carries its household id, so a hosted deployment can shard by it.
/// </summary>
public sealed class SecureBaseDbContext(DbContextOptions<SecureBaseDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Caregiver> Caregivers => Set<Caregiver>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<JournalEntry> Entries => Set<JournalEntry>();
    public DbSet<AuditRecord> AuditTrail => Set<AuditRecord>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Guidance.RuleRecord> HouseholdRules => Set<Guidance.RuleRecord>();
    public DbSet<Guidance.DesireDecisionRecord> DesireDecisions => Set<Guidance.DesireDecisionRecord>();
    public DbSet<Guidance.SleepPlanRecord> SleepTrainingPlans => Set<Guidance.SleepPlanRecord>();
    public DbSet<Guidance.SleepNightRecord> SleepTrainingNights => Set<Guidance.SleepNightRecord>();
    public DbSet<Alerts.RotaShiftRecord> RotaShifts => Set<Alerts.RotaShiftRecord>();
    public DbSet<Alerts.QuietHoursRecord> QuietHours => Set<Alerts.QuietHoursRecord>();
    public DbSet<Alerts.AlertRecord> Alerts => Set<Alerts.AlertRecord>();
    public DbSet<Alerts.AlertEventRecord> AlertEvents => Set<Alerts.AlertEventRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        ModelConventions.Apply(configurationBuilder, Database.IsSqlite());
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        HouseholdModel.Configure(builder);
        JournalModel.Configure(builder);
        AccessModel.Configure(builder);
        GuidanceModel.Configure(builder);
        AlertsModel.Configure(builder);
    }
}

using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Audit;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Model;

internal static class JournalModel
{
    /// <summary>Name of the discriminator column; its values are the journal format's type names.</summary>
    public const string Discriminator = "EntryType";

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<JournalEntry>(b =>
        {
            b.ToTable("JournalEntries");
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Ignore(e => e.Type);
            b.HasDiscriminator<string>(Discriminator)
                .HasValue<FeedEntry>(EntryTypeNames.Of(EntryType.Feed))
                .HasValue<DiaperEntry>(EntryTypeNames.Of(EntryType.Diaper))
                .HasValue<SleepEntry>(EntryTypeNames.Of(EntryType.Sleep))
                .HasValue<CryEpisodeEntry>(EntryTypeNames.Of(EntryType.Cry))
                .HasValue<ConnectionEntry>(EntryTypeNames.Of(EntryType.Connection))
                .HasValue<MilestoneEntry>(EntryTypeNames.Of(EntryType.Milestone))
                .HasValue<NoteEntry>(EntryTypeNames.Of(EntryType.Note))
                .HasValue<CheckInEntry>(EntryTypeNames.Of(EntryType.CheckIn));
            b.Property<string>(Discriminator).HasMaxLength(16);
            b.Property(e => e.Note).HasMaxLength(4000);
            b.HasOne<Household>().WithMany().HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(e => e.HouseholdId);
            // The timeline and the filters: a household's entries by time, or one child's by time.
            b.HasIndex(e => new { e.HouseholdId, e.StartedAt });
            b.HasIndex(e => new { e.HouseholdId, e.ChildId, e.StartedAt });
        });
        builder.Entity<MilestoneEntry>().Property(e => e.Description).HasMaxLength(4000);
        builder.Entity<NoteEntry>().Property(e => e.Text).HasMaxLength(4000);
        builder.Entity<CryEpisodeEntry>(b =>
        {
            // The stage timeline, acoustics and responses are read and written with the episode, never queried
            // on their own: one JSON column each.
            b.ComplexCollection(e => e.Stages, c => c.ToJson());
            b.ComplexProperty(e => e.Acoustics, c => c.ToJson());
            b.ComplexCollection(e => e.Responses, c =>
            {
                c.ToJson();
                c.ComplexCollection(r => r.Actions);
            });
        });
        builder.Entity<AuditRecord>(b =>
        {
            b.ToTable("AuditTrail");
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => a.HouseholdId);
            b.HasIndex(a => new { a.HouseholdId, a.EntryId, a.At });
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Access;
using SecureBase.Storage.Audit;

namespace SecureBase.Storage.Model;

internal static class ModelConventions
{
    public static void Apply(ModelConfigurationBuilder builder, bool isSqlite)
    {
        // Enums are stored by name: the database stays readable and survives reordering of enum members.
        StoreAsString<CaregiverRole>(builder);
        StoreAsString<FeedKind>(builder);
        StoreAsString<FormulaTemperature>(builder);
        StoreAsString<SleepLocation>(builder);
        StoreAsString<CryStage>(builder);
        StoreAsString<CrySource>(builder);
        StoreAsString<CareAction>(builder);
        StoreAsString<CaregiverState>(builder);
        StoreAsString<ConnectionKind>(builder);
        StoreAsString<MilestoneKind>(builder);
        StoreAsString<AuditAction>(builder);
        StoreAsString<ApiTokenKind>(builder);

        // SQLite has no date type and EF cannot compare or order DateTimeOffset text there; storing UTC ticks
        // keeps full precision and makes range filters and ordering run in the database. Times are normalised
        // to UTC before they are stored (PostgreSQL's timestamptz requires that too).
        if (isSqlite) builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder builder) where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SecureBase.Care.Demo;
using SecureBase.Care.Households;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Demo;

/// <summary>
/// Seeds the demo household (four weeks of journal for one child and three caregivers) through the import path,
/// with a login for each caregiver who logs care, so a newcomer can look around at once.
/// </summary>
public sealed class DemoSeeder(SecureBaseDbContext db, JournalTransfer transfer, UserManager<AppUser> users, TimeProvider time, ILogger<DemoSeeder> logger)
{
    /// <summary>The password of every demo login; the demo is for trying the app on your own machine.</summary>
    public const string DemoPassword = "securebase-demo";

    /// <summary>Seeds the demo when the database has no household yet; returns the demo logins created (none if skipped).</summary>
    public async Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Households.AnyAsync(cancellationToken)) return [];
        var document = DemoJournal.Create(time.GetUtcNow(), seed: 1);
        var restored = await transfer.RestoreAsync(document, cancellationToken);
        if (!restored.IsOk)
            throw new InvalidOperationException("The demo journal could not be imported: " + string.Join("; ", restored.Errors.Select(e => $"{e.Field}: {e.Message}").DefaultIfEmpty(restored.Message ?? "")));

        var logins = new List<string>();
        foreach (var caregiver in document.Caregivers.Where(c => c.Role != CaregiverRole.Viewer))
        {
            var email = $"{new string(caregiver.Name.Split(' ')[^1].Where(char.IsLetter).ToArray()).ToLowerInvariant()}@demo.securebase.local";
            var user = new AppUser { UserName = email, Email = email, DisplayName = caregiver.Name };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded) throw new InvalidOperationException($"The demo login {email} could not be created: {created.Errors.First().Description}");
            await db.Caregivers.Where(c => c.Id == caregiver.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, user.Id), cancellationToken);
            logins.Add(email);
        }
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Demo household \"{Household}\" created with {Entries} journal entries. Sign in as {Logins} with the password {Password}.",
                document.Household.Name, document.Entries.Count, string.Join(", ", logins), DemoPassword);
        return logins;
    }
}

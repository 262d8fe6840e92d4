using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Households;
using SecureBase.Storage.Access;

namespace SecureBase.Web.Tests.Caching;

/// <summary>The per-request cache: values live <see cref="AccessCache.Lifetime"/>, clearing wins over reads in flight, misses are not kept.</summary>
public sealed class AccessCacheTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task A_found_member_is_read_once_per_lifetime()
    {
        var cache = new AccessCache(time);
        var household = Guid.NewGuid();
        var reads = 0;
        Task<Caregiver?> Load()
        {
            reads++;
            return Task.FromResult<Caregiver?>(new Caregiver { Id = Guid.NewGuid(), HouseholdId = household, Name = "Ann", Role = CaregiverRole.Parent });
        }

        var first = await cache.MemberAsync(household, "user", Load);
        time.Advance(AccessCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Same(first, await cache.MemberAsync(household, "user", Load));
        Assert.Equal(1, reads);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotSame(first, await cache.MemberAsync(household, "user", Load));
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Clearing_forgets_values_and_a_read_started_before_it_is_not_kept()
    {
        var cache = new AccessCache(time);
        var household = Guid.NewGuid();
        var reads = 0;
        var gate = new TaskCompletionSource();
        async Task<Caregiver?> SlowLoad()
        {
            reads++;
            await gate.Task;
            return new Caregiver { Id = Guid.NewGuid(), HouseholdId = household, Name = "Ann", Role = CaregiverRole.Parent };
        }

        var inFlight = cache.MemberAsync(household, "user", SlowLoad).AsTask();
        cache.Clear(); // say, the caregiver was removed while the old row was being read
        gate.SetResult();
        Assert.NotNull(await inFlight);
        await cache.MemberAsync(household, "user", () => { reads++; return Task.FromResult<Caregiver?>(null); });
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Unknown_tokens_are_not_remembered()
    {
        var cache = new AccessCache(time);
        var reads = 0;
        for (var i = 0; i < 3; i++) Assert.Null(await cache.TokenAsync("hash", () => { reads++; return Task.FromResult<ApiToken?>(null); }));
        Assert.Equal(3, reads);
    }
}

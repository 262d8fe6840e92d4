using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;

namespace SecureBase.Care.Tests.Journal;

public class JournalFormatWarmUpTests
{
    /// <summary>The server's warm-up is only worth its CPU if it takes every entry type through the reader and the checks.</summary>
    [Fact]
    public async Task The_warm_up_reads_back_a_valid_journal_with_every_entry_type()
    {
        var document = await JournalFormatWarmUp.RunAsync();
        Assert.Equal(Enum.GetValues<EntryType>().Order(), document.Entries.Select(e => e.Type).Distinct().Order());
        Assert.Contains(document.Entries, e => e is CryEpisodeEntry { Responses.Count: > 0 });
    }
}

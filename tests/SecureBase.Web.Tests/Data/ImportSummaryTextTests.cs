using SecureBase.Storage.Journal;
using SecureBase.Web.Pages.Data;

namespace SecureBase.Web.Tests.Data;

public class ImportSummaryTextTests
{
    private static readonly Guid Household = Guid.NewGuid();

    [Fact]
    public void Everything_an_import_added_is_named_including_alerts_and_the_rota()
    {
        var text = ImportSummaryText.Describe(new ImportSummary(Household, CaregiversAdded: 3, ChildrenAdded: 1, EntriesAdded: 40151,
            EntriesAlreadyPresent: 0, AlertsAdded: 12, RotaAdded: true));

        Assert.Equal("Imported 40,151 entries, 1 child, 3 caregivers, 12 alerts and the on-duty rota.", text);
    }

    [Fact]
    public void Counts_of_zero_are_left_out_and_entries_already_here_are_mentioned()
    {
        var text = ImportSummaryText.Describe(new ImportSummary(Household, CaregiversAdded: 0, ChildrenAdded: 0, EntriesAdded: 1,
            EntriesAlreadyPresent: 2, AlertsAdded: 1));

        Assert.Equal("Imported 1 entry and 1 alert. 2 entries were already here and left unchanged.", text);
    }

    [Fact]
    public void A_file_with_nothing_new_says_so_plainly()
    {
        var text = ImportSummaryText.Describe(new ImportSummary(Household, 0, 0, EntriesAdded: 0, EntriesAlreadyPresent: 1));

        Assert.Equal("Imported 0 entries. 1 entry was already here and left unchanged.", text);
    }
}

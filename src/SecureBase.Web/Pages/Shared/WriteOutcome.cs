using SecureBase.Storage.Journal;

namespace SecureBase.Web.Pages.Shared;

/// <summary>What to tell the caregiver after a journal write, in plain words.</summary>
internal static class WriteOutcome
{
    public static string Message(EntryWriteResult result, string what) => result.Status switch
    {
        EntryWriteStatus.Created => $"Logged: {what}.",
        EntryWriteStatus.AlreadyExists => "That was already logged, so nothing was added twice.",
        EntryWriteStatus.Updated => "Saved.",
        EntryWriteStatus.Deleted => "Deleted. The change is kept in the history.",
        EntryWriteStatus.NotFound => "We couldn't find that entry; it may have been deleted by someone else.",
        EntryWriteStatus.IdTaken => "Something went wrong with that form. Please reload the page and try again.",
        _ => "That couldn't be saved: " + string.Join(" ", result.Errors.Select(e => e.Message)),
    };

    public static bool Succeeded(EntryWriteResult result) =>
        result.Status is EntryWriteStatus.Created or EntryWriteStatus.AlreadyExists or EntryWriteStatus.Updated or EntryWriteStatus.Deleted;
}

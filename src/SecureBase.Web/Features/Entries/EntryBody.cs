using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal;

namespace SecureBase.Web.Features.Entries;

/// <summary>
/// Reads a journal entry (journal-format JSON with its <c>type</c>) from a request body, turning JSON problems
/// into a field error instead of an empty 400.
/// </summary>
internal static class EntryBody
{
    public static async Task<(JournalEntry? Entry, ValidationError? Error)> ReadAsync(HttpRequest request)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var entry = await JsonSerializer.DeserializeAsync<JournalEntry>(request.Body, options, request.HttpContext.RequestAborted);
            return entry is null ? (null, new ValidationError("body", "Send the entry as JSON.")) : (entry, null);
        }
        catch (JsonException e)
        {
            return (null, new ValidationError(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), "This value could not be read; check its type and format."));
        }
        catch (NotSupportedException)
        {
            return (null, new ValidationError("type", "Say which kind of entry this is: feed, diaper, sleep, cry, connection, milestone, note or checkIn."));
        }
    }
}

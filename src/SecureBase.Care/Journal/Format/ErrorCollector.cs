namespace SecureBase.Care.Journal.Format;

/// <summary>Keeps the first problems found and counts the rest, so a hostile file cannot flood the answer.</summary>
internal sealed class ErrorCollector(int max)
{
    private readonly List<ValidationError> _errors = [];
    private int _notListed;

    public int Count => _errors.Count + _notListed;

    public void Add(string field, string message)
    {
        if (_errors.Count < max) _errors.Add(new ValidationError(field, message));
        else _notListed++;
    }

    public IReadOnlyList<ValidationError> ToList()
    {
        var list = new List<ValidationError>(_errors);
        if (_notListed > 0) list.Add(new ValidationError("document", $"…and {_notListed:N0} more problems not listed here."));
        return list;
    }
}

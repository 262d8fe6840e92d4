using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SecureBase.Storage.Journal;

/// <summary>
/// One prepared SQLite INSERT of a journal row, bound by position through SQLite's own API. Microsoft.Data.Sqlite
/// looks every parameter up by name and wraps its value on each execution, which cost more than SQLite's own work
/// for a 40,000-entry import; binding by index does neither. Values are bound exactly as Microsoft.Data.Sqlite binds
/// them for EF's parameters (BulkEntryWriterTests compares the rows with EF's, column by column), and a provider type
/// it does not know is refused when the statement is prepared, never written differently.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Binder _binder;

    public SqliteRowInserter(SqliteConnection connection, string sql, EntryRowMap map)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        _binder = new Binder(_statement, _db, connection, map.Columns);
    }

    /// <summary>Inserts one row; <paramref name="values"/> are provider values in column order, null for NULL.</summary>
    public void Insert(object?[] values)
    {
        for (var i = 0; i < values.Length; i++) _binder.Bind(i, values[i]);
        var rc = raw.sqlite3_step(_statement);
        // Reset before throwing, so the statement can be finalised and the transaction rolled back cleanly.
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>Binds provider values of the given columns to a statement's parameters 1, 2, … as Microsoft.Data.Sqlite would.</summary>
    internal sealed class Binder
    {
        private enum Kind { Integer, Real, Text, GuidText, GuidBlob }

        private readonly sqlite3_stmt _statement;
        private readonly sqlite3 _db;
        private readonly Kind[] _kinds;
        private byte[] _utf8 = new byte[1024];

        public Binder(sqlite3_stmt statement, sqlite3 db, SqliteConnection connection, IReadOnlyList<EntryColumn> columns)
        {
            _statement = statement;
            _db = db;
            _kinds = [.. columns.Select(c => KindOf(c, connection))];
        }

        /// <summary>Binds the value of column <paramref name="column"/> (0-based) to parameter <paramref name="column"/> + 1.</summary>
        public void Bind(int column, object? value)
        {
            var index = column + 1;
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(_statement, index),
                Guid guid when _kinds[column] == Kind.GuidText => BindGuidText(index, guid),
                Guid guid => raw.sqlite3_bind_blob(_statement, index, guid.ToByteArray()),
                string text => BindText(index, text),
                long number => raw.sqlite3_bind_int64(_statement, index, number),
                int number => raw.sqlite3_bind_int64(_statement, index, number),
                short number => raw.sqlite3_bind_int64(_statement, index, number),
                byte number => raw.sqlite3_bind_int64(_statement, index, number),
                bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                double real => raw.sqlite3_bind_double(_statement, index, real),
                float real => raw.sqlite3_bind_double(_statement, index, real),
                _ => throw new NotSupportedException($"The bulk writer cannot bind a {value.GetType().Name} for SQLite."),
            };
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        /// <summary>A GUID as Microsoft.Data.Sqlite writes it for a text parameter: upper-case "D" form. SQLite copies the bytes, so a stack buffer will do.</summary>
        private int BindGuidText(int index, Guid guid)
        {
            Span<byte> utf8 = stackalloc byte[36];
            guid.TryFormat(utf8, out _, "D");
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] is >= (byte)'a' and <= (byte)'f') utf8[i] -= 'a' - 'A';
            }
            return raw.sqlite3_bind_text(_statement, index, utf8);
        }

        /// <summary>Text through a reused UTF-8 buffer instead of a new array per value.</summary>
        private int BindText(int index, string text)
        {
            var length = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (_utf8.Length < length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
            var written = Encoding.UTF8.GetBytes(text, _utf8);
            return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written));
        }

        /// <summary>How Microsoft.Data.Sqlite would bind the column's values, read from the parameter EF's mapping configures.</summary>
        private static Kind KindOf(EntryColumn column, SqliteConnection connection)
        {
            if (column.IsJson) return Kind.Text; // EntryRowMap writes complex properties as JSON text
            var type = Nullable.GetUnderlyingType(column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType)
                ?? column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
            if (type == typeof(Guid))
            {
                using var command = connection.CreateCommand();
                var parameter = (SqliteParameter)column.Mapping.CreateParameter(command, "@p", null, nullable: true);
                return parameter.SqliteType == SqliteType.Text ? Kind.GuidText : Kind.GuidBlob;
            }
            if (type == typeof(string)) return Kind.Text;
            if (type == typeof(double) || type == typeof(float)) return Kind.Real;
            if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(bool) || type.IsEnum) return Kind.Integer;
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"The bulk writer cannot bind column {column.Name} ({type.Name}) for SQLite."));
        }
    }
}

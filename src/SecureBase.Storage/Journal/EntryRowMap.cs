using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Journal;

/// <summary>One column of the journal table as the bulk writer fills it: its name, EF's type mapping, and whether it holds a complex property as JSON text.</summary>
internal sealed record EntryColumn(string Name, RelationalTypeMapping Mapping, bool IsJson);

/// <summary>
/// Where one column's value comes from for one entity type: a mapped property (read and converted to the provider
/// type), a constant (the discriminator), or a getter that returns the provider value (a complex property's JSON).
/// </summary>
internal sealed record ColumnSource(IProperty? Property, object? Constant, Func<object, object?>? Getter);

/// <summary>
/// How a journal entry becomes a row of the journal table (and an audit record a row of the audit trail), read from
/// EF's model rather than written out by hand:
/// every property of every entry type (columns shared by several types included), the discriminator, value
/// converters (enums as names, SQLite's UTC ticks) and the complex properties EF keeps as JSON columns. A column
/// added to the model is picked up here without changes; a mapping this class cannot reproduce throws when the map
/// is built, instead of writing something EF would read differently.
/// </summary>
internal sealed class EntryRowMap
{
    private readonly Dictionary<Type, Func<object, object?>?[]> _rowsByType = [];
    private readonly Dictionary<Type, ColumnSource?[]> _sourcesByType = [];

    private EntryRowMap(string table, string? schema, IReadOnlyList<EntryColumn> columns)
    {
        Table = table;
        Schema = schema;
        Columns = columns;
    }

    public string Table { get; }
    public string? Schema { get; }
    public IReadOnlyList<EntryColumn> Columns { get; }

    /// <summary>Per mapped CLR type, where each column's value comes from (null: the column stays NULL).</summary>
    public IReadOnlyDictionary<Type, ColumnSource?[]> Sources => _sourcesByType;

    /// <summary>The provider values of an entity's row, one per <see cref="Columns"/> (null for SQL NULL).</summary>
    public void Fill(object entry, object?[] values)
    {
        if (!_rowsByType.TryGetValue(entry.GetType(), out var getters))
            throw new InvalidOperationException($"{entry.GetType().Name} is not mapped to the journal table.");
        for (var i = 0; i < getters.Length; i++) values[i] = getters[i]?.Invoke(entry);
    }

    private static readonly ConditionalWeakTable<IModel, EntryRowMap> s_entries = [];
    private static readonly ConditionalWeakTable<IModel, EntryRowMap> s_audit = [];

    /// <summary>The journal table's rows.</summary>
    public static EntryRowMap For(IModel model) => s_entries.GetValue(model, m => Build(m, typeof(JournalEntry)));

    /// <summary>The audit trail's rows.</summary>
    public static EntryRowMap ForAudit(IModel model) => s_audit.GetValue(model, m => Build(m, typeof(Audit.AuditRecord)));

    private static EntryRowMap Build(IModel model, Type rootType)
    {
        var root = model.FindEntityType(rootType) ?? throw new InvalidOperationException($"The model has no {rootType.Name}.");
        var store = StoreObjectIdentifier.Create(root, StoreObjectType.Table) ?? throw new InvalidOperationException($"{rootType.Name} is not mapped to a table.");
        var table = model.GetRelationalModel().FindTable(store.Name, store.Schema)!;
        var jsonColumns = root.GetDerivedTypesInclusive().SelectMany(t => t.GetDeclaredComplexProperties())
            .Select(c => c.ComplexType.GetContainerColumnName()).OfType<string>().ToHashSet();
        var columns = table.Columns.Select(c => new EntryColumn(c.Name, c.StoreTypeMapping, jsonColumns.Contains(c.Name))).ToList();
        var index = columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var map = new EntryRowMap(store.Name, store.Schema, columns);

        foreach (var type in root.GetDerivedTypesInclusive().Where(t => !t.IsAbstract()))
        {
            var getters = new Func<object, object?>?[columns.Count];
            var sources = new ColumnSource?[columns.Count];
            foreach (var property in type.GetProperties())
            {
                var column = property.GetColumnName(store) ?? throw new InvalidOperationException($"{property.Name} has no column.");
                getters[index[column]] = ScalarGetter(type, property);
                sources[index[column]] = property.IsShadowProperty()
                    ? new ColumnSource(null, DiscriminatorValue(type, property), null)
                    : new ColumnSource(property, null, null);
            }
            foreach (var complex in type.GetComplexProperties())
            {
                var column = complex.ComplexType.GetContainerColumnName()
                    ?? throw new NotSupportedException($"{type.ClrType.Name}.{complex.Name} is not stored as JSON; the bulk writer only knows JSON complex properties.");
                var member = (PropertyInfo)complex.PropertyInfo!;
                var plan = new ComplexPlan(complex);
                getters[index[column]] = entry => member.GetValue(entry) is { } value ? JsonOf(plan, value) : null;
                sources[index[column]] = new ColumnSource(null, null, getters[index[column]]);
            }
            var missing = columns.Where((c, i) => getters[i] is null && !table.FindColumn(c.Name)!.IsNullable).Select(c => c.Name).ToList();
            if (missing.Count > 0) throw new NotSupportedException($"{type.ClrType.Name} leaves required columns empty: {string.Join(", ", missing)}.");
            map._rowsByType[type.ClrType] = getters;
            map._sourcesByType[type.ClrType] = sources;
        }
        return map;
    }

    private static Func<object, object?> ScalarGetter(IEntityType type, IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        if (property.IsShadowProperty())
        {
            var discriminator = DiscriminatorValue(type, property);
            return _ => discriminator;
        }
        var getter = property.GetGetter();
        var converter = mapping.Converter;
        return entry => ToProvider(getter.GetClrValue(entry), converter);
    }

    /// <summary>The provider value of <paramref name="type"/>'s discriminator, the only shadow property the bulk writer fills.</summary>
    private static object? DiscriminatorValue(IEntityType type, IProperty property)
    {
        if (property != type.FindDiscriminatorProperty())
            throw new NotSupportedException($"The shadow property {property.Name} has no value the bulk writer knows.");
        return property.GetRelationalTypeMapping().Converter?.ConvertToProvider(type.GetDiscriminatorValue()) ?? type.GetDiscriminatorValue();
    }

    private static object? ToProvider(object? value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (value is null) return null;
        if (converter is not null) return converter.ConvertToProvider(value);
        return value.GetType().IsEnum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
    }

    // One buffer and writer per thread, reused for every value: a new pair per complex value was a visible share of
    // the import's allocations (two complex values per cry entry, 40,000 entries).
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_jsonBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_jsonWriter;

    /// <summary>The JSON EF stores for a complex property: JSON property names and value writers from the model.</summary>
    private static string JsonOf(ComplexPlan plan, object value)
    {
        var buffer = t_jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_jsonWriter ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        plan.Write(writer, value);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// How one complex property is written as JSON, worked out once from the model (names, getters, EF's JSON value
    /// writers and converters) instead of being looked up again for every value of every entry.
    /// </summary>
    private sealed class ComplexPlan
    {
        private readonly bool _isCollection;
        private readonly (JsonEncodedText Name, PropertyInfo Member, JsonValueReaderWriter Json, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)[] _scalars;
        private readonly (JsonEncodedText Name, PropertyInfo Member, ComplexPlan Plan)[] _nested;

        public ComplexPlan(IComplexProperty complex)
        {
            _isCollection = complex.IsCollection;
            var type = complex.ComplexType;
            _scalars = [.. type.GetProperties().Select(property =>
            {
                var mapping = property.GetTypeMapping();
                var json = property.GetJsonValueReaderWriter() ?? mapping.JsonValueReaderWriter
                    ?? throw new NotSupportedException($"{type.ClrType.Name}.{property.Name} has no JSON writer.");
                // A converter applies when EF's JSON writer expects the provider type (e.g. enum names), as EF does.
                var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                var converter = mapping.Converter is { } c && !json.ValueType.IsAssignableFrom(clr) ? c : null;
                return (JsonEncodedText.Encode(property.GetJsonPropertyName() ?? property.Name), (PropertyInfo)property.PropertyInfo!, json, converter);
            })];
            _nested = [.. type.GetComplexProperties().Select(nested =>
                (JsonEncodedText.Encode(nested.ComplexType.GetJsonPropertyName() ?? nested.Name), (PropertyInfo)nested.PropertyInfo!, new ComplexPlan(nested)))];
        }

        public void Write(Utf8JsonWriter writer, object value)
        {
            if (!_isCollection)
            {
                WriteObject(writer, value);
                return;
            }
            writer.WriteStartArray();
            foreach (var item in (IEnumerable)value)
            {
                if (item is null) writer.WriteNullValue();
                else WriteObject(writer, item);
            }
            writer.WriteEndArray();
        }

        private void WriteObject(Utf8JsonWriter writer, object value)
        {
            writer.WriteStartObject();
            foreach (var (name, member, json, converter) in _scalars)
            {
                writer.WritePropertyName(name);
                var v = member.GetValue(value);
                if (v is null) writer.WriteNullValue();
                else json.ToJson(writer, converter is null ? v : converter.ConvertToProvider(v)!);
            }
            foreach (var (name, member, plan) in _nested)
            {
                writer.WritePropertyName(name);
                var v = member.GetValue(value);
                if (v is null) writer.WriteNullValue();
                else plan.Write(writer, v);
            }
            writer.WriteEndObject();
        }
    }
}

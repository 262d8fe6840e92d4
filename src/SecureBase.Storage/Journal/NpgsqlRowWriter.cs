using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Writes rows laid out by <see cref="EntryRowMap"/> into a PostgreSQL binary COPY with one compiled method per entity
/// type, each value written with its own type (<c>Write&lt;Guid&gt;</c>, <c>Write&lt;DateTimeOffset&gt;</c>…).
/// Writing boxed values instead (<c>WriteAsync(object, type name)</c>) boxed each of the import's 1.6 million values
/// and sent it through Npgsql's by-object path, with an async state machine per value: a profile of the PostgreSQL
/// import put more than half of the COPY's time there. The values are the same: each property read, converted by
/// its EF value converter (enums as names), and given the column's PostgreSQL type, as EF would
/// (<c>BulkEntryWriterTests</c> compares the rows with EF's on PostgreSQL).
/// </summary>
internal sealed class NpgsqlRowWriter
{
    private static readonly ConditionalWeakTable<EntryRowMap, NpgsqlRowWriter> s_writers = [];

    private static readonly MethodInfo s_write = typeof(NpgsqlBinaryImporter).GetMethods()
        .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition
            && m.GetParameters() is [_, { ParameterType: var second }] && second == typeof(string));

    private static readonly MethodInfo s_writeNull = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;

    private readonly Dictionary<Type, Action<NpgsqlBinaryImporter, object>> _rows;

    private NpgsqlRowWriter(EntryRowMap map)
    {
        _rows = map.Sources.ToDictionary(pair => pair.Key, pair => Compile(map, pair.Key, pair.Value));
    }

    /// <summary>The writer for <paramref name="map"/>'s rows, compiled once per map.</summary>
    public static NpgsqlRowWriter For(EntryRowMap map) => s_writers.GetValue(map, m => new NpgsqlRowWriter(m));

    /// <summary>
    /// Writes <paramref name="row"/>'s values (the row must already be started). Synchronous: the values go into
    /// Npgsql's write buffer, which is sent to the server, blocking, only when full; an awaited call per value cost
    /// more than the values themselves.
    /// </summary>
    public void Write(NpgsqlBinaryImporter importer, object row)
    {
        if (!_rows.TryGetValue(row.GetType(), out var write))
            throw new InvalidOperationException($"{row.GetType().Name} is not mapped to this table.");
        write(importer, row);
    }

    private static Action<NpgsqlBinaryImporter, object> Compile(EntryRowMap map, Type clrType, ColumnSource?[] sources)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Variable(clrType, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(row, clrType)) };
        for (var i = 0; i < sources.Length; i++)
        {
            var dataType = map.Columns[i].Mapping.StoreTypeNameBase;
            body.Add(sources[i] switch
            {
                null or { Property: null, Getter: null, Constant: null } => WriteNull(importer),
                { Property: { } property } => WriteProperty(importer, typed, property, dataType),
                { Getter: { } getter } => WriteValue(importer, Expression.Invoke(Expression.Constant(getter), row), dataType),
                { Constant: { } constant } => WriteTyped(importer, Expression.Constant(constant, constant.GetType()), dataType),
            });
        }
        return Expression.Lambda<Action<NpgsqlBinaryImporter, object>>(Expression.Block([typed], body), importer, row).Compile();
    }

    /// <summary>Reads the property, converts it to the provider value as EF does, and writes it (NULL when it is null).</summary>
    private static Expression WriteProperty(ParameterExpression importer, ParameterExpression entity, Microsoft.EntityFrameworkCore.Metadata.IProperty property, string dataType)
    {
        Expression value = property.PropertyInfo is { GetMethod: not null } info
            ? Expression.Property(Expression.Convert(entity, info.DeclaringType!), info)
            : Expression.Field(Expression.Convert(entity, property.FieldInfo!.DeclaringType!), property.FieldInfo!);
        var converter = property.GetRelationalTypeMapping().Converter;
        var present = Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "HasValue")
            : value.Type.IsValueType ? null : (Expression)Expression.NotEqual(value, Expression.Constant(null, value.Type));
        var inner = Nullable.GetUnderlyingType(value.Type) is not null ? Expression.Property(value, "Value") : value;
        Expression provider;
        if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            provider = Expression.Invoke(convert, Expression.Convert(inner, convert.Parameters[0].Type));
        }
        else provider = inner.Type.IsEnum ? Expression.Convert(inner, Enum.GetUnderlyingType(inner.Type)) : inner;
        if (Nullable.GetUnderlyingType(provider.Type) is not null || !provider.Type.IsValueType)
        {
            // A converter may still give null (or a nullable): written as NULL, as EF would.
            var result = Expression.Variable(typeof(object), "provider");
            var write = Expression.Block([result], Expression.Assign(result, Expression.Convert(provider, typeof(object))),
                WriteValue(importer, result, dataType));
            return present is null ? write : Expression.IfThenElse(present, write, WriteNull(importer));
        }
        var typedWrite = WriteTyped(importer, provider, dataType);
        return present is null ? typedWrite : Expression.IfThenElse(present, typedWrite, WriteNull(importer));
    }

    private static MethodCallExpression WriteTyped(ParameterExpression importer, Expression value, string dataType) =>
        Expression.Call(importer, s_write.MakeGenericMethod(value.Type), value, Expression.Constant(dataType));

    /// <summary>A value only known as an object (JSON text, a converter's nullable result): written by its runtime type.</summary>
    private static MethodCallExpression WriteValue(ParameterExpression importer, Expression value, string dataType) =>
        Expression.Call(typeof(NpgsqlRowWriter).GetMethod(nameof(WriteObject), BindingFlags.NonPublic | BindingFlags.Static)!,
            importer, value, Expression.Constant(dataType));

    private static void WriteObject(NpgsqlBinaryImporter importer, object? value, string dataType)
    {
        switch (value)
        {
            case null: importer.WriteNull(); break;
            case string text: importer.Write(text, dataType); break;
            default: importer.Write(value, dataType); break;
        }
    }

    private static MethodCallExpression WriteNull(ParameterExpression importer) => Expression.Call(importer, s_writeNull);
}

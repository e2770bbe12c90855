using System.Runtime.InteropServices;

namespace DataPrepWorkflows.DataPlane.DuckDb.Interop;

/// <summary>
/// The part of DuckDB's C API the binding uses. Handles are plain pointers here; ownership lives in the
/// <see cref="DuckDbSafeHandle"/> types. Strings go in as NUL-terminated UTF-8 and come out as pointers read by the caller.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "duckdb";

    // Database, configuration, connection.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out nint database, nint config, out nint error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref nint database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out nint config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(nint config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref nint config);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(nint database, out nint connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref nint connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(nint connection);

    [LibraryImport(Library)]
    internal static partial nint duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial void duckdb_free(nint pointer);

    // Queries and results.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(nint connection, string query, NativeResult* result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_result_error(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial int duckdb_result_error_type(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_name(NativeResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial nint duckdb_column_logical_type(NativeResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(NativeResult* result);

    [LibraryImport(Library)]
    internal static partial nint duckdb_fetch_chunk(NativeResult result);

    // Data chunks and vectors.

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref nint chunk);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(nint chunk);


    [LibraryImport(Library)]
    internal static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_vector_get_child(nint vector);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_list_vector_get_size(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_array_vector_get_child(nint vector);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_vector_get_child(nint vector, ulong index);

    // Logical types.
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(nint type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref nint type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(nint type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(nint type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(nint type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(nint type);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_enum_dictionary_value(nint type, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_list_type_child_type(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_array_type_child_type(nint type);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_array_type_array_size(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_key_type(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_map_type_value_type(nint type);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_struct_type_child_count(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_name(nint type, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_struct_type_child_type(nint type, ulong index);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_union_type_member_count(nint type);

    [LibraryImport(Library)]
    internal static partial nint duckdb_union_type_member_name(nint type, ulong index);

    [LibraryImport(Library)]
    internal static partial nint duckdb_union_type_member_type(nint type, ulong index);

    // Prepared statements.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(nint connection, string query, out nint statement);

    [LibraryImport(Library)]
    internal static partial nint duckdb_prepare_error(nint statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref nint statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(nint statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(nint statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(nint statement, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(nint statement, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(nint statement, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(nint statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_blob(nint statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_decimal(nint statement, ulong index, NativeDecimal value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_date(nint statement, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(nint statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(nint statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(nint statement, NativeResult* result);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared_streaming(nint statement, NativeResult* result);

    // Appender.
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(nint connection, string? schema, string table, out nint appender);

    [LibraryImport(Library)]
    internal static partial nint duckdb_appender_error(nint appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(nint appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(nint appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref nint appender);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_appender_column_count(nint appender);


    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_end_row(nint appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_bool(nint appender, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int8(nint appender, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int16(nint appender, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int32(nint appender, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int64(nint appender, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_hugeint(nint appender, NativeHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint8(nint appender, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint16(nint appender, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint32(nint appender, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint64(nint appender, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uhugeint(nint appender, NativeUHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_float(nint appender, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_double(nint appender, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_date(nint appender, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_time(nint appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_timestamp(nint appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_interval(nint appender, NativeInterval value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_varchar_length(nint appender, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_blob(nint appender, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_null(nint appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_value(nint appender, nint value);


    // Values (only to hand text to the appender, which casts it to the column type).
    [LibraryImport(Library)]
    internal static partial nint duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref nint value);
}

/// <summary><c>duckdb_state</c>.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

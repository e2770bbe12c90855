using System.Runtime.InteropServices;

namespace DataPrepWorkflows.DataPlane.DuckDb.Interop;

/// <summary>
/// Base of every owned DuckDB handle. A child handle keeps its parent alive (the parent is add-ref'd until the child
/// is released), so a connection can never be closed under a statement, whatever order the finalizer runs in.
/// </summary>
internal abstract class DuckDbSafeHandle : SafeHandle
{
    private readonly HandleTracker? _tracker;
    private readonly SafeHandle? _parent;

    protected DuckDbSafeHandle(nint handle, HandleTracker? tracker, SafeHandle? parent)
        : base(0, ownsHandle: true)
    {
        if (parent is not null)
        {
            var added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }

        SetHandle(handle);
        _tracker = tracker;
        _tracker?.Opened();
    }

    public override bool IsInvalid => handle == 0;

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        _tracker?.Released();
        _parent?.DangerousRelease();
        return true;
    }

    protected abstract void Destroy(nint native);
}

internal sealed class DatabaseHandle(nint handle) : DuckDbSafeHandle(handle, null, null)
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_close(ref native);
}

internal sealed class ConnectionHandle(nint handle, HandleTracker tracker, DatabaseHandle database)
    : DuckDbSafeHandle(handle, tracker, database)
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_disconnect(ref native);
}

internal sealed class PreparedStatementHandle(nint handle, HandleTracker tracker, ConnectionHandle connection)
    : DuckDbSafeHandle(handle, tracker, connection)
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_destroy_prepare(ref native);
}

internal sealed class AppenderHandle(nint handle, HandleTracker tracker, ConnectionHandle connection)
    : DuckDbSafeHandle(handle, tracker, connection)
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_appender_destroy(ref native);
}

internal sealed class DataChunkHandle(nint handle, HandleTracker tracker)
    : DuckDbSafeHandle(handle, tracker, null)
{
    protected override void Destroy(nint native) => NativeMethods.duckdb_destroy_data_chunk(ref native);
}

/// <summary>Owns a <c>duckdb_result</c> kept in native memory, so its address is stable for the C API.</summary>
internal sealed unsafe class ResultHandle : DuckDbSafeHandle
{
    private ResultHandle(nint handle, HandleTracker tracker, ConnectionHandle connection)
        : base(handle, tracker, connection)
    {
    }

    public NativeResult* Pointer => (NativeResult*)handle;

    public static ResultHandle Allocate(HandleTracker tracker, ConnectionHandle connection) =>
        new((nint)NativeMemory.AllocZeroed((nuint)sizeof(NativeResult)), tracker, connection);

    protected override void Destroy(nint native)
    {
        NativeMethods.duckdb_destroy_result((NativeResult*)native);
        NativeMemory.Free((void*)native);
    }
}

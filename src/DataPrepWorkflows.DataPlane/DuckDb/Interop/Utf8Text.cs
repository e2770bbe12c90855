using System.Runtime.InteropServices;

namespace DataPrepWorkflows.DataPlane.DuckDb.Interop;

/// <summary>UTF-8 conversions at the native boundary.</summary>
internal static class Utf8Text
{
    public static string Read(nint pointer) => Marshal.PtrToStringUTF8(pointer) ?? string.Empty;
}

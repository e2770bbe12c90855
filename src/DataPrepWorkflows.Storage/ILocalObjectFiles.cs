namespace DataPrepWorkflows.Storage;

/// <summary>
/// Implemented by stores whose objects are plain local files (the local folder), so engines such as DuckDB can read
/// them in place instead of streaming them. Check for it with <c>store is ILocalObjectFiles files</c>.
/// </summary>
/// <remarks>
/// Reading in place is safe: committed files only ever change by atomic rename. Writing in place is not — write
/// through <see cref="IObjectStore.WriteAsync(S3Uri, Func{Stream, CancellationToken, Task}, CancellationToken)"/>, or
/// to a private temporary folder and then into the store, so readers never see partial files.
/// </remarks>
public interface ILocalObjectFiles
{
    /// <summary>The absolute root folder holding one sub-folder per bucket.</summary>
    string RootPath { get; }

    /// <summary>
    /// The absolute path of an object (a file) or of a prefix ending in <c>/</c> or a bucket (a folder). The path is
    /// not required to exist; unsafe keys are refused with <see cref="StorageErrorCodes.InvalidKey"/>.
    /// </summary>
    /// <param name="uri">An object, folder prefix or bucket.</param>
    string GetPath(S3Uri uri);
}

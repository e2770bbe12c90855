using DataPrepWorkflows.Storage.Local;
using DataPrepWorkflows.Storage.S3;

namespace DataPrepWorkflows.Storage;

/// <summary>Creates the configured <see cref="IObjectStore"/>.</summary>
public static class ObjectStoreFactory
{
    /// <summary>Creates the store described by <paramref name="options"/>.</summary>
    /// <param name="options">The <c>Storage</c> configuration section.</param>
    /// <param name="timeProvider">Clock for last-modified times of the local store; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="baseDirectory">Folder a relative <see cref="StorageOptions.LocalRoot"/> is resolved against; the working directory when null.</param>
    /// <exception cref="StorageException"><see cref="StorageErrorCodes.InvalidConfiguration"/> when the options are not usable.</exception>
    public static IObjectStore Create(StorageOptions options, TimeProvider? timeProvider = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new StorageException(StorageErrorCodes.InvalidConfiguration, string.Join(Environment.NewLine, problems));
        }

        return options.Provider switch
        {
            StorageProvider.S3 => new S3ObjectStore(S3ClientFactory.Create(options.S3)),
            _ => new LocalObjectStore(
                Path.Combine(baseDirectory ?? Environment.CurrentDirectory, options.LocalRoot),
                timeProvider ?? TimeProvider.System),
        };
    }
}

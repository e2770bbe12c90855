using System.Text;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>Writes the loan-applications sample to object storage (atomically, as every storage write is).</summary>
public static class LoanSampleWriter
{
    /// <summary>The file name used when the target is a prefix (ends with '/').</summary>
    public const string FileName = "loan-applications.csv";

    /// <summary>
    /// The object the sample goes to: <paramref name="target"/> itself when it names a file, or
    /// <c>&lt;target&gt;/loan-applications.csv</c> when it is a prefix (ends with '/' or is a bucket).
    /// </summary>
    public static S3Uri ResolveTarget(string target)
    {
        var uri = S3Uri.Parse(target);
        return uri.Key.Length == 0 || uri.Key.EndsWith('/') ? S3Uri.Parse($"s3://{uri.Bucket}/{uri.Key}{FileName}") : uri;
    }

    /// <summary>Generates and writes the sample; returns what was written and the object's details.</summary>
    public static async Task<(LoanSampleReport Report, ObjectInfo Object)> WriteAsync(
        IObjectStore storage, S3Uri target, LoanSampleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(target);
        LoanSampleReport? report = null;
        await storage.EnsureBucketAsync(target.Bucket, cancellationToken).ConfigureAwait(false);
        var info = await storage.WriteAsync(target, async (stream, ct) =>
        {
            var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                report = LoanApplicationSample.Write(writer, options);
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        return (report!, info);
    }
}

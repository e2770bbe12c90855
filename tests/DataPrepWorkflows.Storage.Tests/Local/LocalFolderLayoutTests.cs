namespace DataPrepWorkflows.Storage.Tests.Local;

public sealed class LocalFolderLayoutTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "layout-root");

    [Fact]
    public void A_file_under_a_bucket_folder_maps_to_its_uri() =>
        Assert.Equal(
            "s3://raw/loans/2024/a.csv",
            LocalFolderLayout.TryGetUri(Root, Path.Combine(Root, "raw", "loans", "2024", "a.csv"), out var uri) ? uri.ToString() : null);

    [Theory]
    [InlineData("raw/loans/.a.csv.dataprep-tmp-01ab")]
    [InlineData("stray.csv")]
    [InlineData("Not_A_Bucket/a.csv")]
    [InlineData("../outside/a.csv")]
    public void In_progress_writes_and_files_outside_buckets_are_not_objects(string relative) =>
        Assert.False(LocalFolderLayout.TryGetUri(Root, Path.Combine(Root, relative), out _));

    [Fact]
    public void In_progress_writes_are_recognised_by_name()
    {
        Assert.True(LocalFolderLayout.IsInProgressWrite("/x/raw/.a.csv.dataprep-tmp-0011"));
        Assert.False(LocalFolderLayout.IsInProgressWrite("/x/raw/a.csv"));
    }
}

namespace DataPrepWorkflows.Storage.Tests;

public sealed class S3UriTests
{
    [Fact]
    public void Parse_splits_bucket_and_key_and_round_trips()
    {
        var uri = S3Uri.Parse("s3://raw-data.bucket/loans/2024/part-0.csv");

        Assert.Equal("raw-data.bucket", uri.Bucket);
        Assert.Equal("loans/2024/part-0.csv", uri.Key);
        Assert.Equal("part-0.csv", uri.Name);
        Assert.Equal("s3://raw-data.bucket/loans/2024/part-0.csv", uri.ToString());
    }

    [Theory]
    [InlineData("s3://raw", "")]
    [InlineData("s3://raw/", "")]
    [InlineData("s3://raw/loans/", "loans/")]
    [InlineData("s3://raw/a b/é+%20.csv", "a b/é+%20.csv")]
    public void Parse_keeps_the_key_exactly_as_written(string text, string key) =>
        Assert.Equal(key, S3Uri.Parse(text).Key);

    [Theory]
    [InlineData("", StorageErrorCodes.InvalidUri)]
    [InlineData("raw/loans.csv", StorageErrorCodes.InvalidUri)]
    [InlineData("https://raw/loans.csv", StorageErrorCodes.InvalidUri)]
    [InlineData("S3://raw/loans.csv", StorageErrorCodes.InvalidUri)]
    [InlineData("s3://", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://ab/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://Raw/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw_data/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://-raw/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw-/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw..data/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://192.168.5.4/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://xn--raw/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://sthree-raw/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw-s3alias/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw--ol-s3/k", StorageErrorCodes.InvalidBucketName)]
    [InlineData("s3://raw/line\nbreak", StorageErrorCodes.InvalidKey)]
    public void Parse_rejects_malformed_uris_with_a_code(string text, string code)
    {
        var error = Assert.Throws<StorageException>(() => S3Uri.Parse(text));

        Assert.Equal(code, error.Code);
        Assert.False(S3Uri.TryParse(text, out _, out var tryError));
        Assert.Equal(code, tryError.Code);
    }

    [Fact]
    public void Parse_rejects_a_bucket_name_longer_than_63_characters() =>
        Assert.Equal(StorageErrorCodes.InvalidBucketName, Assert.Throws<StorageException>(() => S3Uri.Parse("s3://" + new string('a', 64) + "/k")).Code);

    [Fact]
    public void Parse_rejects_a_key_longer_than_1024_utf8_bytes()
    {
        var error = Assert.Throws<StorageException>(() => S3Uri.Parse("s3://raw/" + new string('é', 513)));

        Assert.Equal(StorageErrorCodes.InvalidKey, error.Code);
    }

    [Fact]
    public void Bucket_name_errors_say_which_rule_was_broken()
    {
        Assert.Contains("lowercase", BucketName.Explain("Raw-Data"), StringComparison.Ordinal);
        Assert.Contains("3 to 63", BucketName.Explain("ab"), StringComparison.Ordinal);
        Assert.True(BucketName.IsValid("my.bucket-01"));
        Assert.True(BucketName.IsValid("1.2.3"));
    }

    [Theory]
    [InlineData("s3://raw", "loans/a.csv", "s3://raw/loans/a.csv")]
    [InlineData("s3://raw/loans", "a.csv", "s3://raw/loans/a.csv")]
    [InlineData("s3://raw/loans/", "/a.csv", "s3://raw/loans/a.csv")]
    public void Append_joins_with_exactly_one_separator(string prefix, string relative, string expected) =>
        Assert.Equal(expected, S3Uri.Parse(prefix).Append(relative).ToString());

    [Fact]
    public void EnsureObjectKey_rejects_bucket_and_folder_uris()
    {
        Assert.Equal(StorageErrorCodes.InvalidKey, Assert.Throws<StorageException>(() => S3Uri.Parse("s3://raw").EnsureObjectKey()).Code);
        Assert.Equal(StorageErrorCodes.InvalidKey, Assert.Throws<StorageException>(() => S3Uri.Parse("s3://raw/x/").EnsureObjectKey()).Code);
        S3Uri.Parse("s3://raw/x").EnsureObjectKey();
    }
}

using System.Text;
using Microsoft.Extensions.Configuration;

namespace DataPrepWorkflows.Storage.Tests;

/// <summary>The options bind from <c>appsettings.json</c> in the documented shape.</summary>
public sealed class StorageOptionsBindingTests
{
    private static StorageOptions Bind(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        return configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
    }

    [Fact]
    public void The_documented_s3_section_binds()
    {
        var options = Bind("""
            { "Storage": { "Provider": "S3", "S3": { "ServiceUrl": "http://127.0.0.1:9000", "Region": "eu-west-1", "ForcePathStyle": true } } }
            """);

        Assert.Equal(StorageProvider.S3, options.Provider);
        Assert.Equal("http://127.0.0.1:9000", options.S3.ServiceUrl);
        Assert.Equal("eu-west-1", options.S3.Region);
        Assert.True(options.S3.ForcePathStyle);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_local_section_keeps_defaults_for_what_it_does_not_say()
    {
        var options = Bind("""{ "Storage": { "LocalRoot": "data/s3" } }""");

        Assert.Equal(StorageProvider.Local, options.Provider);
        Assert.Equal("data/s3", options.LocalRoot);
        Assert.Null(options.S3.ServiceUrl);
    }

    [Fact]
    public void An_unknown_provider_fails_binding_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind("""{ "Storage": { "Provider": "Azure" } }"""));

        Assert.Contains("Storage:Provider", error.Message, StringComparison.Ordinal);
    }
}

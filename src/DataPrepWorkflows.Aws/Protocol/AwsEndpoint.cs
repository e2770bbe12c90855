using Amazon.Runtime;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>Where requests for one service go and which region signs them.</summary>
/// <param name="Url">The endpoint, ending in <c>/</c>.</param>
/// <param name="Region">The signing region.</param>
internal sealed record AwsEndpoint(Uri Url, string Region)
{
    private const string OverrideDefaultRegion = "us-east-1";

    /// <summary>
    /// Resolves as the AWS SDKs do: explicit option, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>,
    /// else <c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com/</c>; the region from the option or the SDK's region chain.
    /// </summary>
    public static AwsEndpoint Resolve(AwsJsonService service, AwsClientOptions options, Func<string, string?> environment)
    {
        var explicitUrl = Blank(options.ServiceUrl) ?? Blank(environment(service.EndpointVariable)) ?? Blank(environment("AWS_ENDPOINT_URL"));
        var region = Blank(options.Region) ?? ChainRegion() ?? (explicitUrl is null ? null : OverrideDefaultRegion)
            ?? throw new AwsConfigurationException(
                $"No AWS region for {service.ServiceId}: set AWS_REGION (or AWS_DEFAULT_REGION), a region in the profile, or pass a region explicitly.");

        if (explicitUrl is null)
        {
            var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
            return new AwsEndpoint(new Uri($"https://{service.EndpointPrefix}.{region}.{suffix}/"), region);
        }

        if (!Uri.TryCreate(explicitUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsConfigurationException($"The {service.ServiceId} endpoint '{explicitUrl}' is not an http(s) URL such as http://127.0.0.1:5000.");
        }

        return new AwsEndpoint(url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/"), region);
    }

    private static string? ChainRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            // The chain throws when a configured source is broken; the caller reports "no region" with what to set.
            return null;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

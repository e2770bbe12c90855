using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.Tests.Protocol;

public sealed class AwsEndpointTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Without_override_the_regional_endpoint_of_the_service_is_used()
    {
        var sqs = AwsEndpoint.Resolve(AwsJsonService.Sqs, new AwsClientOptions { Region = "eu-west-1" }, NoEnvironment);
        var events = AwsEndpoint.Resolve(AwsJsonService.EventBridge, new AwsClientOptions { Region = "cn-north-1" }, NoEnvironment);

        Assert.Equal(new Uri("https://sqs.eu-west-1.amazonaws.com/"), sqs.Url);
        Assert.Equal(new Uri("https://events.cn-north-1.amazonaws.com.cn/"), events.Url);
        Assert.Equal("eu-west-1", sqs.Region);
    }

    [Fact]
    public void Service_specific_variable_wins_over_the_global_one_and_an_override_defaults_to_us_east_1()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
            ["AWS_ENDPOINT_URL_SQS"] = "http://127.0.0.1:2",
        };
        var sqs = AwsEndpoint.Resolve(AwsJsonService.Sqs, new AwsClientOptions(), name => environment.GetValueOrDefault(name));
        var events = AwsEndpoint.Resolve(AwsJsonService.EventBridge, new AwsClientOptions(), name => environment.GetValueOrDefault(name));

        Assert.Equal(new Uri("http://127.0.0.1:2/"), sqs.Url);
        Assert.Equal(new Uri("http://127.0.0.1:1/"), events.Url);
        Assert.Equal("AWS_ENDPOINT_URL_EVENTBRIDGE", AwsJsonService.EventBridge.EndpointVariable);
    }

    [Fact]
    public void A_malformed_endpoint_is_a_configuration_error_that_says_what_to_write()
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            AwsEndpoint.Resolve(AwsJsonService.Sqs, new AwsClientOptions { ServiceUrl = "localhost:4566" }, NoEnvironment));

        Assert.Contains("http://127.0.0.1:5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_is_a_configuration_error_naming_it()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsCredentialChain.Resolve(new AwsClientOptions { Profile = "no-such-profile-" + Guid.NewGuid().ToString("N") }));

        Assert.Contains("aws configure --profile", error.Message, StringComparison.Ordinal);
    }
}

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// The protocol facts of one AWS JSON service, as its botocore model states them in <c>metadata</c>.
/// </summary>
/// <param name="ServiceId">The model's <c>serviceId</c> (also names the <c>AWS_ENDPOINT_URL_&lt;ID&gt;</c> variable).</param>
/// <param name="TargetPrefix">Prefix of the <c>X-Amz-Target</c> header.</param>
/// <param name="JsonVersion"><c>1.0</c> or <c>1.1</c>: the <c>application/x-amz-json-*</c> content type.</param>
/// <param name="EndpointPrefix">Host prefix of the regional endpoint.</param>
/// <param name="SigningName">The SigV4 service name.</param>
internal sealed record AwsJsonService(string ServiceId, string TargetPrefix, string JsonVersion, string EndpointPrefix, string SigningName)
{
    public static AwsJsonService Sqs { get; } = new("SQS", "AmazonSQS", "1.0", "sqs", "sqs");

    public static AwsJsonService EventBridge { get; } = new("EventBridge", "AWSEvents", "1.1", "events", "events");

    public string ContentType => "application/x-amz-json-" + JsonVersion;

    /// <summary>The standard per-service endpoint variable: <c>AWS_ENDPOINT_URL_</c> + service id upper-cased, spaces as underscores.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');
}

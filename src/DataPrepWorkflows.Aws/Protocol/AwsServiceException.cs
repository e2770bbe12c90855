using System.Net;

namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>
/// An AWS service answered with an error. <see cref="ErrorCode"/> is AWS's code with any namespace removed
/// (<c>QueueDoesNotExist</c>, <c>ResourceNotFoundException</c>, <c>InvalidEventPatternException</c>).
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service id, for example <c>SQS</c>.</param>
    /// <param name="operation">The operation that failed, for example <c>ReceiveMessage</c>.</param>
    /// <param name="errorCode">AWS's error code.</param>
    /// <param name="message">AWS's error message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="requestId">AWS's request id, when the response carried one.</param>
    public AwsServiceException(string service, string operation, string errorCode, string message, HttpStatusCode statusCode, string? requestId)
        : base($"{service} {operation} failed with {errorCode} (HTTP {(int)statusCode}): {message}")
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        ErrorMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The service id, for example <c>SQS</c> or <c>EventBridge</c>.</summary>
    public string Service { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>AWS's error code without namespace.</summary>
    public string ErrorCode { get; }

    /// <summary>AWS's error message as sent.</summary>
    public string ErrorMessage { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>AWS's request id (<c>x-amzn-RequestId</c>), for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>Whether AWS blames the caller (4xx other than throttling); such a request fails again unchanged.</summary>
    public bool IsClientError => (int)StatusCode is >= 400 and < 500 && !IsThrottling;

    /// <summary>Whether the service asked us to slow down.</summary>
    public bool IsThrottling => StatusCode == HttpStatusCode.TooManyRequests
        || ErrorCode is "ThrottlingException" or "Throttling" or "RequestThrottled" or "RequestThrottledException" or "TooManyRequestsException";
}

using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Testing;

/// <summary>What <c>dataprep events test-pattern</c> prints and returns.</summary>
/// <param name="StandardOutput">Text for standard output (the result JSON), empty on error.</param>
/// <param name="StandardError">Text for standard error (AWS's error line), empty on success.</param>
/// <param name="ExitCode">0 on success; 254 on an AWS error, as the AWS CLI exits.</param>
public sealed record TestEventPatternOutput(string StandardOutput, string StandardError, int ExitCode);

/// <summary>
/// The behaviour of <c>aws events test-event-pattern</c>: the pattern is validated, then the event (a JSON object
/// with <c>id</c>, <c>account</c>, <c>source</c>, <c>time</c>, <c>region</c> and <c>detail-type</c>), then matched.
/// Output is byte-for-byte what the AWS CLI prints.
/// </summary>
public static class TestEventPatternCommand
{
    /// <summary>The exit code the AWS CLI uses when the service returns an error.</summary>
    public const int ServiceErrorExitCode = 254;

    private const string Operation = "TestEventPattern";
    private static readonly string[] RequiredEventFields = ["id", "account", "source", "time", "region", "detail-type"];

    /// <summary>Tests <paramref name="eventJson"/> against <paramref name="eventPattern"/>.</summary>
    public static TestEventPatternOutput Run(string eventPattern, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventPattern);
        ArgumentNullException.ThrowIfNull(eventJson);
        var result = Evaluate(eventPattern, eventJson, out var error);
        if (error is not null)
        {
            return new TestEventPatternOutput(string.Empty, $"\nAn error occurred ({error.Code}) when calling the {Operation} operation: {error.Message}\n", ServiceErrorExitCode);
        }

        return new TestEventPatternOutput("{\n    \"Result\": " + (result ? "true" : "false") + "\n}\n", string.Empty, 0);
    }

    /// <summary>The API-level result: whether it matched, or the error AWS returns.</summary>
    public static bool Evaluate(string eventPattern, string eventJson, out EventPatternError? error)
    {
        var parsed = EventPattern.Parse(eventPattern);
        if (!parsed.IsValid)
        {
            error = parsed.Error;
            return false;
        }

        var utf8 = Encoding.UTF8.GetBytes(eventJson);
        if (!IsValidEvent(utf8))
        {
            error = new EventPatternError(EventPatternError.Validation, "Parameter Event is not valid.");
            return false;
        }

        error = null;
        return parsed.Pattern.Matches(utf8);
    }

    private static bool IsValidEvent(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && RequiredEventFields.All(field => root.TryGetProperty(field, out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

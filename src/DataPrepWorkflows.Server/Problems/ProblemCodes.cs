namespace DataPrepWorkflows.Server.Problems;

/// <summary>The API's stable problem codes (docs/server-api.md lists them with what to do).</summary>
internal static class ProblemCodes
{
    public const string Unauthenticated = "DPA001";
    public const string Forbidden = "DPA002";
    public const string BodyTooLarge = "DPA003";
    public const string MalformedJson = "DPA004";
    public const string WorkflowNotFound = "DPA005";
    public const string VersionNotFound = "DPA006";
    public const string InstanceNotFound = "DPA007";
    public const string BookmarkNotPending = "DPA008";
    public const string InvalidWorkflow = "DPA009";
    public const string WrongInstanceState = "DPA010";
    public const string BadParameter = "DPA011";
    public const string EventUnauthenticated = "DPA012";
    public const string InvalidEvent = "DPA013";
    public const string UnsupportedFormat = "DPA014";
    public const string NotConfigured = "DPA015";
    public const string StoreUnavailable = "DPA016";
    public const string RouteNotFound = "DPA017";
    public const string MethodNotAllowed = "DPA018";
    public const string UnsupportedMediaType = "DPA019";
    public const string ActivityTypeNotFound = "DPA020";
    public const string Internal = "DPA099";
}

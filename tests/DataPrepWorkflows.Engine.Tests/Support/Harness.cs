using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Support;

/// <summary>An engine over the built-ins and the test activities, a manual clock, the real expression engine.</summary>
public sealed class Harness
{
    private static readonly Lazy<ActivityRegistry> SharedRegistry = new(() => ActivityRegistry.WithBuiltIns(typeof(Harness).Assembly));
    private static readonly JintExpressionEngine SharedExpressions = new();

    public Harness(IEnumerable<WorkflowDefinition>? children = null, Random? random = null, object? service = null, JsonObject? env = null, Recorder? recorder = null, IWorkflowCheckpointer? checkpointer = null)
    {
        Recorder = recorder ?? new Recorder();
        Services = new TestServices(Recorder, service);
        Engine = Create(children, random, env, checkpointer);
    }

    public static ActivityRegistry Registry => SharedRegistry.Value;

    public static IExpressionEngine Expressions => SharedExpressions;

    public ManualTimeProvider Clock { get; } = new();

    public Recorder Recorder { get; }

    public List<JournalEntry> Observed { get; } = [];

    public TestServices Services { get; }

    public WorkflowEngine Engine { get; }

    /// <summary>Another engine sharing nothing with the first but the clock and services: a "new process".</summary>
    public WorkflowEngine Create(IEnumerable<WorkflowDefinition>? children = null, Random? random = null, JsonObject? env = null, IWorkflowCheckpointer? checkpointer = null) => new(
        Registry,
        Expressions,
        new WorkflowEngineOptions
        {
            TimeProvider = Clock,
            Services = Services,
            Env = env,
            Random = random,
            WorkflowResolver = children is null ? null : new InMemoryWorkflowDefinitionResolver(children),
            Observer = new ListObserver(Observed),
            Checkpointer = checkpointer,
        });

    public Task<WorkflowRunResult> StartAsync(WorkflowDefinition definition, JsonObject? inputs = null, CancellationToken cancellationToken = default) =>
        Engine.StartAsync(definition, new WorkflowStartRequest { Inputs = inputs, InstanceId = "i-1" }, cancellationToken);

    public sealed class TestServices(Recorder recorder, object? extra) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(Recorder) ? recorder : extra is not null && serviceType.IsInstanceOfType(extra) ? extra : null;
    }

    private sealed class ListObserver(List<JournalEntry> entries) : IExecutionObserver
    {
        public void OnJournalEntry(JournalEntry entry)
        {
            lock (entries)
            {
                entries.Add(entry);
            }
        }
    }
}

public static class JournalExtensions
{
    /// <summary>"activity:Event" for activity entries of the given events, in order.</summary>
    public static List<string> Trace(this IEnumerable<JournalEntry> journal, params JournalEvent[] events) =>
        journal.Where(e => e.ActivityId is not null && (events.Length == 0 || events.Contains(e.Event)))
            .Select(e => $"{e.ActivityId}:{e.Event}").ToList();

    public static ActivityState Activity(this WorkflowRunResult result, string id, string scope = "root") =>
        result.State.Scopes[scope].Activities[id];
}

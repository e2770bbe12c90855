using System.Reflection;
using DataPrepWorkflows.Persistence;

namespace DataPrepWorkflows.Runtime.Tests.Support;

/// <summary>
/// A store whose claims carry no trigger stamp, as a store that does not read it in the claim's transaction would
/// answer; everything else goes to the store it wraps. A node on it has to read the stamp itself.
/// </summary>
public class StampLessStore : DispatchProxy
{
    private IRuntimeStore? _inner;

    public static IRuntimeStore Wrap(IRuntimeStore inner)
    {
        var proxy = Create<IRuntimeStore, StampLessStore>();
        ((StampLessStore)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return targetMethod.Name == "get_Work" ? StampLessQueue.Wrap(_inner!.Work) : targetMethod.Invoke(_inner, args);
    }
}

/// <summary>The work queue of <see cref="StampLessStore"/>: claimed items come back without their trigger stamp.</summary>
public class StampLessQueue : DispatchProxy
{
    private IWorkQueue? _inner;

    public static IWorkQueue Wrap(IWorkQueue inner)
    {
        var proxy = Create<IWorkQueue, StampLessQueue>();
        ((StampLessQueue)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(_inner, args);
        return targetMethod.Name == nameof(IWorkQueue.ClaimAsync) ? WithoutStampAsync((Task<IReadOnlyList<WorkItemRecord>>)result!) : result;
    }

    private static async Task<IReadOnlyList<WorkItemRecord>> WithoutStampAsync(Task<IReadOnlyList<WorkItemRecord>> claimed) =>
        [.. (await claimed).Select(item => item with { TriggerStamp = null })];
}

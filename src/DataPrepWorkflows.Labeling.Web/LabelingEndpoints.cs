using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Labeling.Web;

/// <summary>Maps the labeling API and the labeling page onto a host's endpoints.</summary>
public static class LabelingEndpoints
{
    /// <summary>
    /// Registers, under <paramref name="prefix"/>: the labeling page (<c>GET {prefix}/</c>) and the API —
    /// <c>GET api/jobs</c> (list), <c>GET api/jobs/{name}</c> (status and progress), <c>POST api/jobs/{name}/tasks/next</c>
    /// (the next task for a worker), <c>GET api/jobs/{name}/objects/{index}</c> (an image to label),
    /// <c>POST api/jobs/{name}/tasks/{index}/answer</c>, <c>POST api/jobs/{name}/tasks/{index}/skip</c> and
    /// <c>POST api/jobs/{name}/stop</c>. The worker is the signed-in user's name, else the <c>worker</c> query value.
    /// </summary>
    /// <param name="endpoints">The host's endpoints.</param>
    /// <param name="jobs">The labeling service (over the store the Label activity uses, with the host's completion sink).</param>
    /// <param name="authorizationPolicy">The policy every endpoint requires; <c>null</c> leaves authorization to the host.</param>
    /// <param name="prefix">The route prefix. <value><c>/labeling</c></value></param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapLabeling(this IEndpointRouteBuilder endpoints, LabelingJobs jobs, string? authorizationPolicy = null, string prefix = "/labeling")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(jobs);
        var group = endpoints.MapGroup(prefix);
        if (authorizationPolicy is not null)
        {
            group.RequireAuthorization(authorizationPolicy);
        }

        LabelingPage.Map(group);
        LabelingApi.Map(group, jobs);
        return group;
    }
}

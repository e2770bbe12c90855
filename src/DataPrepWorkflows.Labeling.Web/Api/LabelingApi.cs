using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;
using DataPrepWorkflows.Labeling.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Labeling.Web.Api;

/// <summary>
/// The labeling API's endpoints. User errors come back as problem details (<c>application/problem+json</c>) with
/// 400/404/409, carrying <c>code</c>, <c>field</c> and <c>message</c> besides the standard members.
/// </summary>
internal static class LabelingApi
{
    public static void Map(RouteGroupBuilder group, LabelingJobs jobs)
    {
        var api = group.MapGroup("/api/jobs");
        api.MapGet("/", async (CancellationToken ct) =>
        {
            await jobs.ExpireDueAsync(ct).ConfigureAwait(false);
            var list = await jobs.ListAsync(ct).ConfigureAwait(false);
            return Results.Json(new JsonArray([.. list.Select(j => (JsonNode)j.ToJson())]));
        });
        api.MapGet("/{name}", (string name, CancellationToken ct) => Guarded(async () =>
            Results.Json((await jobs.ExpireIfDueAsync(name, notify: true, ct).ConfigureAwait(false)).ToJson())));
        api.MapPost("/{name}/tasks/next", (string name, HttpContext http, int? objectIndex, CancellationToken ct) => Guarded(async () =>
        {
            var task = await jobs.NextTaskAsync(name, Worker(http), objectIndex, ct).ConfigureAwait(false);
            return task is null ? Results.NoContent() : Results.Json(TaskJson.Of(task));
        }));
        api.MapGet("/{name}/objects/{index:int}", (string name, int index, CancellationToken ct) => Guarded(async () =>
        {
            var objects = await jobs.Store.GetObjectsAsync((await jobs.GetRequiredAsync(name, ct).ConfigureAwait(false)).Name, ct).ConfigureAwait(false);
            var location = index >= 0 && index < objects.Count ? new DataObject(index, 0, objects[index].Line).SourceRef : null;
            if (location is null)
            {
                throw new LabelingException(LabelingErrorCodes.JobNotFound, "object", $"object {index} of job '{name}' has no source-ref to show.");
            }

            var stream = await jobs.Files.OpenReadAsync(location, "source-ref", ct).ConfigureAwait(false);
            return Results.Stream(stream, ContentType(location));
        }));
        api.MapPost("/{name}/tasks/{index:int}/answer", (string name, int index, HttpContext http, JsonObject body, CancellationToken ct) => Guarded(async () =>
            Results.Json((await jobs.SubmitAsync(name, Worker(http), index, AnswerJson.Read(body), ct).ConfigureAwait(false)).ToJson())));
        api.MapPost("/{name}/tasks/{index:int}/skip", (string name, int index, HttpContext http, CancellationToken ct) => Guarded(async () =>
        {
            await jobs.SkipAsync(name, Worker(http), index, ct).ConfigureAwait(false);
            return Results.NoContent();
        }));
        api.MapPost("/{name}/stop", (string name, CancellationToken ct) => Guarded(async () =>
            Results.Json((await jobs.StopAsync(name, ct).ConfigureAwait(false)).ToJson())));
    }

    private static string Worker(HttpContext http)
    {
        var signedIn = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        var given = http.Request.Query["worker"].ToString();
        return signedIn ?? (given.Length > 0 ? given
            : throw new LabelingException(LabelingErrorCodes.InvalidAnswer, "worker", "sign in, or give your worker id as ?worker=<id>."));
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (LabelingException error)
        {
            var status = error.Code switch
            {
                LabelingErrorCodes.JobNotFound => StatusCodes.Status404NotFound,
                LabelingErrorCodes.JobNotInProgress or LabelingErrorCodes.NoClaim or LabelingErrorCodes.JobExists => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            // RFC 7807 problem details, as every other error of the server; code, field and message stay for the page.
            var diagnostic = error.Diagnostics[0];
            var problem = new JsonObject
            {
                ["type"] = $"urn:dataprep:problem:{diagnostic.Code}",
                ["title"] = status switch { StatusCodes.Status404NotFound => "Not found", StatusCodes.Status409Conflict => "Conflict", _ => "Invalid labeling request" },
                ["status"] = status,
                ["detail"] = diagnostic.Message,
                ["code"] = diagnostic.Code,
                ["field"] = diagnostic.Field,
                ["message"] = diagnostic.Message,
            };
            return Results.Json(problem, contentType: "application/problem+json", statusCode: status);
        }
    }

    private static string ContentType(string location) => Path.GetExtension(location).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".bmp" => "image/bmp",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}

using System.Data.Common;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Server.Problems;

/// <summary>
/// Turns everything that escapes an endpoint into problem details: an oversized body into 413, a malformed request
/// into 400, an unreachable store into 503, anything else into 500 with a trace id — never a stack trace. Also
/// enforces the request size limit up front when the length is declared.
/// </summary>
internal sealed partial class ProblemMiddleware(RequestDelegate next, ServerSettings settings, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.MaxRequestBodyBytes;
        }

        if (context.Request.ContentLength > settings.MaxRequestBodyBytes)
        {
            await ApiProblems.BodyTooLarge(settings.MaxRequestBodyBytes).ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: StatusCodes.Status404NotFound } && context.Response.ContentLength is null)
            {
                await ApiProblems.RouteNotFound(context.Request.Path).ExecuteAsync(context);
            }
            else if (context.Response is { HasStarted: false, StatusCode: StatusCodes.Status405MethodNotAllowed } && context.Response.ContentLength is null)
            {
                // Routing answered 405 and named the path's methods in the Allow header; the problem keeps both.
                await ApiProblems.MethodNotAllowed(context.Request.Method, context.Request.Path, context.Response.Headers.Allow.ToString()).ExecuteAsync(context);
            }
            else if (context.Response is { HasStarted: false, StatusCode: StatusCodes.Status415UnsupportedMediaType } && context.Response.ContentLength is null)
            {
                await ApiProblems.UnsupportedMediaType(context.Request.ContentType).ExecuteAsync(context);
            }
        }
        catch (BodyTooLargeException)
        {
            await Answer(context, ApiProblems.BodyTooLarge(settings.MaxRequestBodyBytes));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Answer(context, ApiProblems.BodyTooLarge(settings.MaxRequestBodyBytes));
        }
        catch (BadHttpRequestException e)
        {
            await Answer(context, ApiProblems.Unbindable(e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (e is DbException or PersistenceException)
        {
            LogStoreFailure(logger, context.Request.Path, e);
            await Answer(context, new ApiProblem(
                StatusCodes.Status503ServiceUnavailable,
                ProblemCodes.StoreUnavailable,
                "Store unavailable",
                "The runtime store did not answer.",
                "Retry later; check /ready and the database the server is configured with."));
        }
        catch (Exception e)
        {
            LogUnhandled(logger, context.Request.Path, e);
            await Answer(context, ApiProblems.Internal());
        }
    }

    private static async Task Answer(HttpContext context, ApiProblem problem)
    {
        if (context.Response.HasStarted)
        {
            // A streamed answer (the live feed) already sent its status; all that is left is to end it.
            return;
        }

        context.Response.Clear();
        await problem.ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Request {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Request {Path} could not reach the store")]
    private static partial void LogStoreFailure(ILogger logger, string path, Exception exception);
}

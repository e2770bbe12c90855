using DataPrepWorkflows.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DataPrepWorkflows.Server.Hosting;

/// <summary>
/// What the generated OpenAPI document says beyond the endpoints themselves: the title, the API key every endpoint but
/// the open ones needs (so a client generator or Swagger UI asks for it), and the problem-details answer every
/// operation can give.
/// </summary>
internal static class OpenApiDocumentation
{
    public const string SchemeName = "ApiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DataPrepWorkflows server API";
            document.Info.Description = "Workflow definitions, instances, journals, events and descriptors. Every error is RFC 7807 problem details with a stable code (DPA001…).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.HeaderName,
                Description = $"An API key from Server:ApiKeys, in the {ApiKeyAuthentication.HeaderName} header or as 'Authorization: ApiKey <key>'. Its role (viewer, editor, operator, admin) decides what it may do.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
            }

            operation.Responses ??= new OpenApiResponses();
            operation.Responses["default"] = new OpenApiResponse
            {
                Description = "An error, as RFC 7807 problem details with a stable code and what to do (docs/server-api.md lists the codes).",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
            };
            return Task.CompletedTask;
        });
    }
}

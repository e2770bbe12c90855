using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace DataPrepWorkflows.Server.Security;

/// <summary>One authorization policy per role; a principal satisfies a role's policy when its own role is at least that.</summary>
internal static class RolePolicies
{
    public const string Viewer = "viewer";
    public const string Editor = "editor";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            options.AddPolicy(ApiRoles.Name(role), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => RoleOf(context.User) >= role));
        }

        // Nothing is open unless an endpoint says so (health, events with their own credentials).
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }

    public static ApiRole? RoleOf(ClaimsPrincipal user) =>
        ApiRoles.TryParse(user.FindFirst(ApiRoles.ClaimType)?.Value, out var role) ? role : null;

    public static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}

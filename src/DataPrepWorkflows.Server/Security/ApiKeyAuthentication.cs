using System.Security.Claims;
using System.Text.Encodings.Web;
using DataPrepWorkflows.Server.Hosting;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataPrepWorkflows.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> (Elsa's header form) or <c>X-Api-Key: &lt;key&gt;</c> against
/// the configured key hashes; the principal carries the key's name and role. Challenges and refusals are problem
/// details, like every other error.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ServerSettings settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request.Headers);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // Check every key so the time taken does not tell which (or whether an early) key matched.
        ApiKeyEntry? match = null;
        foreach (var key in settings.ApiKeys)
        {
            if (key.Hash.Matches(presented))
            {
                match ??= key;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one of the configured keys."));
        }

        // The key's role, and as standard role claims every role it includes, so ClaimsPrincipal.IsInRole answers as
        // the API's policies do (an admin key is also an operator, editor and viewer; HTTP triggers ask IsInRole).
        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ApiRoles.ClaimType, ApiRoles.Name(match.Role)) };
        claims.AddRange(Enum.GetValues<ApiRole>().Where(r => r <= match.Role).Select(r => new Claim(ClaimTypes.Role, ApiRoles.Name(r))));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} realm=\"dataprep\"";
        var presented = PresentedKey(Request.Headers) is not null;
        return ApiProblem.Write(Context, ApiProblems.Unauthenticated(presented));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.Write(Context, ApiProblems.Forbidden(Context.User));

    internal static string? PresentedKey(IHeaderDictionary headers)
    {
        var header = headers.Authorization.ToString();
        if (header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            var key = header[(SchemeName.Length + 1)..].Trim();
            return key.Length > 0 ? key : null;
        }

        var alternative = headers[HeaderName].ToString().Trim();
        return alternative.Length > 0 ? alternative : null;
    }
}

using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.EventsDeploy;

/// <summary>Outages and refusals from EventBridge become user errors with a code and what to check.</summary>
internal static class AwsErrors
{
    public static async Task<int> TranslateAsync(Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (AwsConfigurationException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsConfiguration, ex.Message);
        }
        catch (AwsServiceException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsRequestFailed, $"EventBridge {ex.Operation} failed: {ex.ErrorCode}: {ex.ErrorMessage}");
        }
        catch (HttpRequestException ex)
        {
            throw new UserError(EventsDeployErrorCodes.AwsUnreachable, $"EventBridge cannot be reached ({ex.Message}); check --endpoint-url, the network and the region.");
        }
    }
}

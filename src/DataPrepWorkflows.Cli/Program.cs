using DataPrepWorkflows.Cli;

return await DataprepCommandLine.RunAsync(args, System.Console.Out, System.Console.Error);

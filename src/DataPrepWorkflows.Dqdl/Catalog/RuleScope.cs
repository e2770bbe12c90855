namespace DataPrepWorkflows.Dqdl.Catalog;

/// <summary>What a rule type looks at, used by the evaluator to group metric computations.</summary>
public enum RuleScope
{
    /// <summary>The dataset as a whole (row count, custom SQL, comparisons with reference datasets).</summary>
    Table,

    /// <summary>One or more named columns.</summary>
    Column,

    /// <summary>The files behind the dataset (experimental file rules).</summary>
    File,
}

namespace DataPrepWorkflows.DataPlane.DuckDb;

/// <summary>DuckDB's error categories (<c>duckdb_error_type</c>); the numbers are DuckDB's own.</summary>
public enum DuckDbErrorKind
{
    /// <summary>No category reported.</summary>
    Invalid = 0,
    /// <summary>A value is out of range.</summary>
    OutOfRange = 1,
    /// <summary>A value could not be converted.</summary>
    Conversion = 2,
    /// <summary>An unknown type.</summary>
    UnknownType = 3,
    /// <summary>A decimal error.</summary>
    Decimal = 4,
    /// <summary>Mismatched types.</summary>
    MismatchType = 5,
    /// <summary>Division by zero.</summary>
    DivideByZero = 6,
    /// <summary>An object is too large.</summary>
    ObjectSize = 7,
    /// <summary>An invalid type.</summary>
    InvalidType = 8,
    /// <summary>Serialization failed.</summary>
    Serialization = 9,
    /// <summary>A transaction conflict or misuse.</summary>
    Transaction = 10,
    /// <summary>Not implemented in DuckDB.</summary>
    NotImplemented = 11,
    /// <summary>An expression error.</summary>
    Expression = 12,
    /// <summary>A table, view or column does not exist (or already does).</summary>
    Catalog = 13,
    /// <summary>The SQL does not parse.</summary>
    Parser = 14,
    /// <summary>Planning failed.</summary>
    Planner = 15,
    /// <summary>Scheduling failed.</summary>
    Scheduler = 16,
    /// <summary>Execution failed.</summary>
    Executor = 17,
    /// <summary>A constraint was violated.</summary>
    Constraint = 18,
    /// <summary>An index error.</summary>
    Index = 19,
    /// <summary>A statistics error.</summary>
    Stat = 20,
    /// <summary>A connection error.</summary>
    Connection = 21,
    /// <summary>A syntax error.</summary>
    Syntax = 22,
    /// <summary>A settings error.</summary>
    Settings = 23,
    /// <summary>Names or types do not bind.</summary>
    Binder = 24,
    /// <summary>A network error.</summary>
    Network = 25,
    /// <summary>An optimizer error.</summary>
    Optimizer = 26,
    /// <summary>A null pointer.</summary>
    NullPointer = 27,
    /// <summary>A file could not be read or written.</summary>
    IO = 28,
    /// <summary>The query was interrupted (cancelled).</summary>
    Interrupt = 29,
    /// <summary>A fatal error; the database must be reopened.</summary>
    Fatal = 30,
    /// <summary>An internal DuckDB error.</summary>
    Internal = 31,
    /// <summary>Invalid input, such as a malformed file.</summary>
    InvalidInput = 32,
    /// <summary>Out of memory.</summary>
    OutOfMemory = 33,
    /// <summary>Permission denied.</summary>
    Permission = 34,
    /// <summary>A parameter type could not be resolved.</summary>
    ParameterNotResolved = 35,
    /// <summary>Parameters are not allowed here.</summary>
    ParameterNotAllowed = 36,
    /// <summary>A dependency prevents the change.</summary>
    Dependency = 37,
    /// <summary>An HTTP error.</summary>
    Http = 38,
    /// <summary>An extension is missing.</summary>
    MissingExtension = 39,
    /// <summary>Extension autoloading failed.</summary>
    Autoload = 40,
    /// <summary>A sequence error.</summary>
    Sequence = 41,
    /// <summary>An invalid configuration.</summary>
    InvalidConfiguration = 42,
}

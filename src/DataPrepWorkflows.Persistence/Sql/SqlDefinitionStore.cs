using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>Workflow versions with draft/publish. Writers of one workflow serialize on a per-workflow lock.</summary>
internal sealed class SqlDefinitionStore(SqlDatabase database) : IWorkflowDefinitionStore
{
    private const string Columns = "workflow_id, version, name, definition_json, is_published, is_latest, git_commit, created_at, updated_at, author";
    private const string ColumnsWithoutJson = "workflow_id, version, name, '' AS definition_json, is_published, is_latest, git_commit, created_at, updated_at, author";

    public Task<StoredWorkflowVersion> SaveDraftAsync(string workflowId, string name, string definitionJson, string? gitCommit, string? author, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockAsync(transaction, "workflow:" + workflowId, cancellationToken);
                var now = database.Clock.GetUtcNow();
                var latest = await connection.Command($"SELECT {Columns} FROM workflow_versions WHERE workflow_id = @id AND is_latest = 1", transaction)
                    .With("@id", workflowId).FirstAsync(Map, cancellationToken);
                if (latest is { IsPublished: false })
                {
                    var json = DefinitionJson.WithVersion(definitionJson, latest.Version);
                    await connection.Command(
                        "UPDATE workflow_versions SET name = @name, definition_json = @json, git_commit = @commit, author = @author, updated_at = @now WHERE workflow_id = @id AND version = @version",
                        transaction)
                        .With("@name", name).With("@json", json).With("@commit", gitCommit).With("@author", author).With("@now", now)
                        .With("@id", workflowId).With("@version", latest.Version).RunAsync(cancellationToken);
                    return latest with { Name = name, DefinitionJson = json, GitCommit = gitCommit, Author = author, UpdatedAt = now };
                }

                var version = (latest?.Version ?? 0) + 1;
                var stored = new StoredWorkflowVersion(workflowId, version, name, DefinitionJson.WithVersion(definitionJson, version), false, true, gitCommit, now, now, author);
                await connection.Command("UPDATE workflow_versions SET is_latest = 0 WHERE workflow_id = @id AND is_latest = 1", transaction)
                    .With("@id", workflowId).RunAsync(cancellationToken);
                await connection.Command(
                    $"INSERT INTO workflow_versions ({Columns}) VALUES (@id, @version, @name, @json, 0, 1, @commit, @now, @now, @author)",
                    transaction)
                    .With("@id", workflowId).With("@version", version).With("@name", name).With("@json", stored.DefinitionJson)
                    .With("@commit", gitCommit).With("@now", now).With("@author", author).RunAsync(cancellationToken);
                return stored;
            },
            cancellationToken);

    public Task<StoredWorkflowVersion?> PublishAsync(string workflowId, int version, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await database.LockAsync(transaction, "workflow:" + workflowId, cancellationToken);
                var target = await GetExactAsync(connection, transaction, workflowId, version, cancellationToken);
                if (target is null)
                {
                    return null;
                }

                var now = database.Clock.GetUtcNow();
                if (!target.IsPublished)
                {
                    await connection.Command("UPDATE workflow_versions SET is_published = 0, updated_at = @now WHERE workflow_id = @id AND is_published = 1", transaction)
                        .With("@id", workflowId).With("@now", now).RunAsync(cancellationToken);
                    await connection.Command("UPDATE workflow_versions SET is_published = 1, updated_at = @now WHERE workflow_id = @id AND version = @version", transaction)
                        .With("@id", workflowId).With("@version", version).With("@now", now).RunAsync(cancellationToken);
                }

                return target with { IsPublished = true, UpdatedAt = target.IsPublished ? target.UpdatedAt : now };
            },
            cancellationToken);

    public Task<bool> UnpublishAsync(string workflowId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) => await connection.Command(
                "UPDATE workflow_versions SET is_published = 0, updated_at = @now WHERE workflow_id = @id AND is_published = 1",
                transaction).With("@id", workflowId).With("@now", database.Clock.GetUtcNow()).RunAsync(cancellationToken) > 0,
            cancellationToken);

    public Task<StoredWorkflowVersion?> GetAsync(string workflowId, VersionSelector selector, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => selector.Kind switch
            {
                VersionKind.Exact => GetExactAsync(connection, null, workflowId, selector.Number, cancellationToken),
                VersionKind.Published => connection.Command($"SELECT {Columns} FROM workflow_versions WHERE workflow_id = @id AND is_published = 1")
                    .With("@id", workflowId).FirstAsync(Map, cancellationToken),
                _ => connection.Command($"SELECT {Columns} FROM workflow_versions WHERE workflow_id = @id AND is_latest = 1")
                    .With("@id", workflowId).FirstAsync(Map, cancellationToken),
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredWorkflowVersion>> ListVersionsAsync(string workflowId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredWorkflowVersion>>(
            async connection => await connection.Command($"SELECT {Columns} FROM workflow_versions WHERE workflow_id = @id ORDER BY version DESC")
                .With("@id", workflowId).ListAsync(Map, cancellationToken),
            cancellationToken);

    public Task<Page<StoredWorkflowVersion>> ListAsync(DefinitionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageTokens.PageSize(query.PageSize);
        return database.ReadAsync(
            async connection =>
            {
                var command = connection.Command(string.Empty);
                // Published workflows are listed by their published version (what runs), the others by their latest.
                var where = new List<string> { query.Published == true ? "v.is_published = 1" : "v.is_latest = 1" };
                if (!string.IsNullOrEmpty(query.Search))
                {
                    where.Add("(LOWER(v.workflow_id) LIKE @search ESCAPE '\\' OR LOWER(v.name) LIKE @search ESCAPE '\\')");
                    command.With("@search", "%" + Like(query.Search.ToLowerInvariant()) + "%");
                }

                if (query.Published == false)
                {
                    where.Add("NOT EXISTS (SELECT 1 FROM workflow_versions p WHERE p.workflow_id = v.workflow_id AND p.is_published = 1)");
                }

                if (query.PageToken is not null)
                {
                    where.Add("v.workflow_id > @after");
                    command.With("@after", PageTokens.Decode(query.PageToken).Text);
                }

                var columns = (query.IncludeJson ? Columns : ColumnsWithoutJson).Replace("workflow_id,", "v.workflow_id,", StringComparison.Ordinal);
                command.CommandText = $"SELECT {columns} FROM workflow_versions v WHERE {string.Join(" AND ", where)} ORDER BY v.workflow_id LIMIT @limit";
                command.With("@limit", pageSize + 1);
                var items = await command.ListAsync(Map, cancellationToken);
                var next = items.Count > pageSize ? PageTokens.Encode(0, items[pageSize - 1].WorkflowId) : null;
                return new Page<StoredWorkflowVersion>(items.Take(pageSize).ToList(), next);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredWorkflowVersion>> ListPublishedAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredWorkflowVersion>>(
            async connection => await connection.Command($"SELECT {Columns} FROM workflow_versions WHERE is_published = 1 ORDER BY workflow_id")
                .ListAsync(Map, cancellationToken),
            cancellationToken);

    /// <remarks>
    /// The workflow's triggers go with it, and the trigger stamp moves in the same transaction: nodes drop their cached
    /// definitions when it moves, so no node keeps running a deleted version from its cache.
    /// </remarks>
    public Task<bool> DeleteAsync(string workflowId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.Command("DELETE FROM workflow_versions WHERE workflow_id = @id", transaction)
                    .With("@id", workflowId).RunAsync(cancellationToken) == 0)
                {
                    return false;
                }

                await connection.Command("DELETE FROM triggers WHERE workflow_id = @id", transaction).With("@id", workflowId).RunAsync(cancellationToken);
                await connection.Command("UPDATE trigger_stamp SET stamp = stamp + 1 WHERE id = 1", transaction).RunAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    private static Task<StoredWorkflowVersion?> GetExactAsync(DbConnection connection, DbTransaction? transaction, string workflowId, int version, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM workflow_versions WHERE workflow_id = @id AND version = @version", transaction)
            .With("@id", workflowId).With("@version", version).FirstAsync(Map, cancellationToken);

    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static StoredWorkflowVersion Map(DbDataReader reader) => new(
        reader.GetString(0),
        reader.Int(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.Flag(4),
        reader.Flag(5),
        reader.TextOrNull(6),
        reader.Time(7),
        reader.Time(8),
        reader.TextOrNull(9));
}

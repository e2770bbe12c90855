using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Storage.Tests.S3;

[Collection(MotoServerCollection.Name)]
public sealed class S3ObjectStoreContractTests(MotoServerFixture moto) : ObjectStoreContract
{
    protected override IObjectStore CreateStore() => ObjectStoreFactory.Create(new StorageOptions
    {
        Provider = StorageProvider.S3,
        S3 = new S3StorageOptions
        {
            ServiceUrl = moto.ServiceUrl,
            Region = MotoServerFixture.Region,
            ForcePathStyle = true,
            AccessKeyId = MotoServerFixture.AccessKeyId,
            SecretAccessKey = MotoServerFixture.SecretAccessKey,
        },
    });
}

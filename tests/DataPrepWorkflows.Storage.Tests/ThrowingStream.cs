namespace DataPrepWorkflows.Storage.Tests;

/// <summary>A non-seekable source that yields some bytes and then fails, like a network read that breaks midway.</summary>
public sealed class ThrowingStream(int bytesBeforeFailure) : Stream
{
    private int _served;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _served;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_served >= bytesBeforeFailure)
        {
            throw new IOException("The source broke midway.");
        }

        var n = Math.Min(count, bytesBeforeFailure - _served);
        Array.Fill(buffer, (byte)'x', offset, n);
        _served += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

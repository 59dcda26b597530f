using System;

namespace Kernel.Drivers.Virtio;

/// <summary>The blocking requests: each is <c>Submit</c> and <c>WaitFor</c>.</summary>
public unsafe partial struct VirtioBlk<TRegs, TDma, TWait>
{
    // ---- Blocking requests: Submit + WaitFor ----

    /// <summary>Reads <c>buffer.Length / 512</c> sectors starting at <paramref name="sector"/> into
    /// <paramref name="buffer"/>, whose length must be a non-zero multiple of 512.</summary>
    public BlockError Read(ulong sector, Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            return SubmitAndWait(BlockOp.Read, sector, data, (uint)buffer.Length);
        }
    }

    /// <summary>Writes <paramref name="buffer"/> (a non-zero multiple of 512 bytes) to the disk starting at
    /// <paramref name="sector"/>. <see cref="BlockError.ReadOnly"/> on a read-only disk, before the device is asked.
    /// With FLUSH negotiated the write may sit in the device's cache until <see cref="Flush"/>.</summary>
    public BlockError Write(ulong sector, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            return SubmitAndWait(BlockOp.Write, sector, data, (uint)buffer.Length);
        }
    }

    /// <summary>Makes completed writes durable: sends VIRTIO_BLK_T_FLUSH when VIRTIO_BLK_F_FLUSH is negotiated (the
    /// default when offered). Without it the device writes through and there is nothing to do.</summary>
    public BlockError Flush()
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (!FlushNegotiated)
        {
            return BlockError.None;
        }

        return SubmitAndWait(BlockOp.Flush, 0, null, 0);
    }

    /// <summary>Reads the device's ID string (VIRTIO_BLK_T_GET_ID) into the first 20 bytes of
    /// <paramref name="id"/>: ASCII, NUL-padded, not terminated when 20 long. QEMU answers with the drive's serial.</summary>
    public BlockError GetId(Span<byte> id)
    {
        if (!IsReady)
        {
            return NotReadyError;
        }

        if (id.Length < VirtioBlkReqHeader.IdBytes)
        {
            return BlockError.BadBuffer;
        }

        fixed (byte* data = id)
        {
            return SubmitAndWait(BlockOp.GetId, 0, data, VirtioBlkReqHeader.IdBytes);
        }
    }

    BlockError SubmitAndWait(BlockOp op, ulong sector, void* data, uint length)
    {
        BlockError error = Submit(op, sector, data, length, out ushort token);
        return error != BlockError.None ? error : WaitFor(token);
    }
}

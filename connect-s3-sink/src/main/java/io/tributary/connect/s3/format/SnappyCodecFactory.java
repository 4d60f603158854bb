package io.tributary.connect.s3.format;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy page compression for parquet without Hadoop: parquet-java's own CodecFactory builds a Hadoop
 * {@code Configuration} to look codecs up, which would drag ~50 MB of Hadoop into the plugin. Parquet's SNAPPY pages
 * are raw snappy blocks, exactly what {@link Snappy#compress(byte[])} writes (snappy-java comes with parquet).
 */
public final class SnappyCodecFactory implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("only SNAPPY is available without Hadoop, not " + codecName);
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws java.io.IOException {
                return BytesInput.from(Snappy.compress(bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.SNAPPY;
            }

            @Override
            public void release() {
            }
        };
    }

    /** For reading files back (tests, tools) without Hadoop either. */
    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws java.io.IOException {
                return codecName == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(Snappy.uncompress(bytes.toByteArray()));
            }

            @Override
            public void decompress(java.nio.ByteBuffer input, int compressedSize, java.nio.ByteBuffer output,
                                   int uncompressedSize) throws java.io.IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(Snappy.uncompress(in));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }
}

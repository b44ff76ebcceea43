package news.masthead.newsroom;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Test images made on the spot: JPEG/PNG through ImageIO, a lossless WebP written bit by bit, and
 * JPEGs carrying hand-built EXIF (APP1) and IPTC (APP13) blocks. Nothing is downloaded.
 */
final class PhotoFixtures {
    private PhotoFixtures() {
    }

    /** A photo-like image: top half red, bottom half blue, so orientation can be checked. */
    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width, height - height / 2);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    /** A PNG whose left half is fully transparent. */
    static byte[] transparentPng(int width, int height) {
        BufferedImage image = picture(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                image.setRGB(x, y, 0x00000000);
            }
        }
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG that is only a signature, an IHDR declaring these dimensions, and IEND: no pixels at all. */
    static byte[] pngDeclaring(long width, long height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        writeInt(ihdr, (int) width);
        writeInt(ihdr, (int) height);
        ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    /**
     * A lossless (VP8L) WebP of one colour: every prefix code is a "simple" code with a single
     * symbol, so each pixel takes zero bits and the whole bitstream is a few bytes.
     */
    static byte[] solidWebp(int width, int height, int argb) {
        Bits bits = new Bits();
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(1, 1); // alpha is used
        bits.write(0, 3); // version
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no colour cache
        bits.write(0, 1); // no meta prefix codes
        singleSymbol(bits, (argb >>> 8) & 0xFF);  // green
        singleSymbol(bits, (argb >>> 16) & 0xFF); // red
        singleSymbol(bits, argb & 0xFF);          // blue
        singleSymbol(bits, (argb >>> 24) & 0xFF); // alpha
        singleSymbol(bits, 0);                    // distance
        byte[] stream = bits.bytes();
        byte[] vp8l = new byte[1 + stream.length];
        vp8l[0] = 0x2F;
        System.arraycopy(stream, 0, vp8l, 1, stream.length);
        return riff("VP8L", vp8l);
    }

    /** A WebP whose extended header declares a canvas this big, followed by nothing usable. */
    static byte[] webpDeclaring(int width, int height) {
        byte[] vp8x = new byte[10];
        vp8x[4] = (byte) (width - 1);
        vp8x[5] = (byte) ((width - 1) >> 8);
        vp8x[6] = (byte) ((width - 1) >> 16);
        vp8x[7] = (byte) (height - 1);
        vp8x[8] = (byte) ((height - 1) >> 8);
        vp8x[9] = (byte) ((height - 1) >> 16);
        return riff("VP8X", vp8x);
    }

    private static void singleSymbol(Bits bits, int symbol) {
        bits.write(1, 1); // simple code
        bits.write(0, 1); // one symbol
        if (symbol < 2) {
            bits.write(0, 1);
            bits.write(symbol, 1);
        } else {
            bits.write(1, 1);
            bits.write(symbol, 8);
        }
    }

    private static byte[] riff(String fourcc, byte[] data) {
        int padded = data.length + (data.length & 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeIntLe(out, 4 + 8 + padded);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        writeIntLe(out, data.length);
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Least-significant-bit-first writer, as VP8L reads. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int count;

        void write(int value, int n) {
            buffer |= ((long) value & ((1L << n) - 1)) << count;
            count += n;
            while (count >= 8) {
                out.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                count -= 8;
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) (buffer & 0xFF));
            }
            // zero-bit symbols still make a decoder peek ahead; padding keeps it from reading past the end
            out.writeBytes(new byte[64]);
            return out.toByteArray();
        }
    }

    /** The JPEG with an EXIF block (IFD0: ImageDescription, Orientation, Artist, Copyright) after its first segment. */
    static byte[] withExif(byte[] jpeg, String description, int orientation, String artist, String copyright) {
        byte[][] strings = {ascii(description), ascii(artist), ascii(copyright)};
        int entries = 4;
        int dataStart = 8 + 2 + entries * 12 + 4;
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        writeShort(tiff, entries);
        int offset = dataStart;
        int[] tags = {0x010E, 0x0112, 0x013B, 0x8298};
        int s = 0;
        for (int tag : tags) {
            writeShort(tiff, tag);
            if (tag == 0x0112) {
                writeShort(tiff, 3);
                writeInt(tiff, 1);
                writeShort(tiff, orientation);
                writeShort(tiff, 0);
            } else {
                byte[] value = strings[s++];
                writeShort(tiff, 2);
                writeInt(tiff, value.length);
                writeInt(tiff, offset);
                offset += value.length;
            }
        }
        writeInt(tiff, 0);
        for (byte[] value : strings) {
            tiff.writeBytes(value);
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(tiff.toByteArray());
        return insertSegment(jpeg, 0xE1, payload.toByteArray());
    }

    /** The JPEG with a Photoshop APP13 block holding IPTC caption, by-line and credit (UTF-8). */
    static byte[] withIptc(byte[] jpeg, String caption, String byline, String credit) {
        ByteArrayOutputStream iptc = new ByteArrayOutputStream();
        dataset(iptc, 1, 90, new byte[] {0x1B, 0x25, 0x47}); // coded character set: UTF-8
        dataset(iptc, 2, 0, new byte[] {0, 4});
        dataset(iptc, 2, 120, caption.getBytes(StandardCharsets.UTF_8));
        dataset(iptc, 2, 80, byline.getBytes(StandardCharsets.UTF_8));
        dataset(iptc, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
        byte[] data = iptc.toByteArray();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
        writeShort(payload, 0x0404);
        writeShort(payload, 0); // empty Pascal name, padded to even
        writeInt(payload, data.length);
        payload.writeBytes(data);
        if ((data.length & 1) == 1) {
            payload.write(0);
        }
        return insertSegment(jpeg, 0xED, payload.toByteArray());
    }

    /** The JPEG with an XMP packet (APP1) giving dc:description, dc:creator and photoshop:Credit. */
    static byte[] withXmp(byte[] jpeg, String description, String creator, String credit) {
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="%s">
                   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
                   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(credit, description, creator);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(xmp.getBytes(StandardCharsets.UTF_8));
        return insertSegment(jpeg, 0xE1, payload.toByteArray());
    }

    private static void dataset(ByteArrayOutputStream out, int record, int number, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(number);
        writeShort(out, value.length);
        out.writeBytes(value);
    }

    /** Inserts an APPn segment after SOI and the JFIF APP0 segment ImageIO writes. */
    private static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(marker);
        writeShort(out, payload.length + 2);
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        writeShort(out, (v >>> 16) & 0xFFFF);
        writeShort(out, v & 0xFFFF);
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 24) & 0xFF);
    }
}

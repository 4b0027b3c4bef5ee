package io.estatedesk.shared;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * What an uploaded file really is, told by its bytes alone: an image is decoded and drawn anew (so nothing but its
 * pixels survives: no appended HTML, no comment segment with script, no EXIF location), a document must be a PDF or
 * an Office file by its structure, and everything else is refused with the message key saying why.
 */
final class UploadContent {

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = Downloads.XLSX;

	static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	static final String DOC = "application/msword";

	static final String XLS = "application/vnd.ms-excel";

	static final String PPT = "application/vnd.ms-powerpoint";

	/** The file as it will be stored: our type and extension, never the uploader's. */
	record Accepted(byte[] data, String contentType, String extension, boolean image) {
	}

	/** The outcome: either accepted or refused with a message key. */
	record Outcome(Accepted accepted, String refusal) {

		static Outcome refused(String key) {
			return new Outcome(null, key);
		}

		static Outcome of(Accepted accepted) {
			return new Outcome(accepted, null);
		}

	}

	private UploadContent() {
	}

	/**
	 * Checks {@code data}: images always (re-encoded); documents too unless {@code imagesOnly}; an image of more than
	 * {@code maxPixels} pixels is refused before it is decoded.
	 */
	static Outcome inspect(byte[] data, boolean imagesOnly, long maxPixels) {
		if (looksLikeImage(data)) {
			return reencode(data, maxPixels);
		}
		if (isHeifOrWebp(data)) {
			return Outcome.refused("upload.heic");
		}
		if (imagesOnly) {
			return Outcome.refused("upload.notImage");
		}
		if (startsWith(data, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return endsWithEof(data) ? Outcome.of(new Accepted(data, PDF, "pdf", false)) : Outcome.refused("upload.broken");
		}
		if (startsWith(data, new byte[] { 'P', 'K', 3, 4 })) {
			return OfficeFiles.ooxml(data);
		}
		if (startsWith(data, OfficeFiles.OLE2)) {
			return OfficeFiles.ole2(data);
		}
		return Outcome.refused("upload.notAllowed");
	}

	// ---------------------------------------------------------------- images

	private static boolean looksLikeImage(byte[] d) {
		return startsWith(d, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })
				|| startsWith(d, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })
				|| startsWith(d, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(d, "GIF89a".getBytes(StandardCharsets.US_ASCII))
				|| (d.length > 26 && d[0] == 'B' && d[1] == 'M');
	}

	/** HEIC/HEIF/AVIF (ISO base media "ftyp" box) and WebP: no decoder here, so they are refused with a hint. */
	private static boolean isHeifOrWebp(byte[] d) {
		if (d.length >= 12 && d[4] == 'f' && d[5] == 't' && d[6] == 'y' && d[7] == 'p') {
			String brand = new String(d, 8, 4, StandardCharsets.US_ASCII);
			return brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")
					|| brand.startsWith("avi");
		}
		return d.length >= 12 && startsWith(d, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& new String(d, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
	}

	private static Outcome reencode(byte[] data, long maxPixels) {
		BufferedImage image;
		String format;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Outcome.refused("upload.imageUnreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				format = reader.getFormatName().toLowerCase(Locale.ROOT);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0) {
					return Outcome.refused("upload.imageUnreadable");
				}
				// a few bytes may claim a huge picture: refuse it before memory is spent on the pixels
				if (pixels > maxPixels) {
					return Outcome.refused("upload.imageTooLarge");
				}
				image = reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return Outcome.refused("upload.imageUnreadable");
		}
		if (image == null) {
			return Outcome.refused("upload.imageUnreadable");
		}
		try {
			if (format.equals("jpeg") || format.equals("jpg")) {
				BufferedImage upright = orient(rgb(image), ExifOrientation.of(data));
				return Outcome.of(new Accepted(jpeg(upright), JPEG, "jpg", true));
			}
			return Outcome.of(new Accepted(png(image), PNG, "png", true));
		}
		catch (IOException | RuntimeException e) {
			return Outcome.refused("upload.imageUnreadable");
		}
	}

	private static BufferedImage rgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB
				|| image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return copy;
	}

	/**
	 * Phones store a photo sideways and say in EXIF which way up it is; the EXIF is not kept, so the pixels are turned
	 * (orientations 1–8 of the TIFF specification).
	 */
	private static BufferedImage orient(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		// (m00, m10, m01, m11, m02, m12): where each source pixel lands in the upright picture
		AffineTransform t = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		int type = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return turned;
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) {
			// some decoded layouts (e.g. 16-bit grey with alpha) have no PNG writer: draw them into plain ARGB
			BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
			Graphics2D g = argb.createGraphics();
			g.drawImage(image, 0, 0, null);
			g.dispose();
			out.reset();
			if (!ImageIO.write(argb, "png", out)) {
				throw new IOException("no PNG writer");
			}
		}
		return out.toByteArray();
	}

	// ---------------------------------------------------------------- helpers

	private static boolean endsWithEof(byte[] d) {
		byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
		// some writers put a few bytes of padding after the last %%EOF
		return indexOf(d, eof, Math.max(0, d.length - 2048)) >= 0;
	}

	static boolean startsWith(byte[] d, byte[] prefix) {
		if (d.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (d[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static int indexOf(byte[] d, byte[] needle, int from) {
		outer: for (int i = from; i <= d.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (d[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}

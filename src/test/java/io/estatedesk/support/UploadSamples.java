package io.estatedesk.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Files for upload tests: real pictures and documents made here, and what an attacker sends — a page, an SVG and a
 * script, a JPEG that is also an HTML page, an executable renamed to a photo. Each hostile one claims a harmless name
 * or type, as an attacker would.
 */
public final class UploadSamples {

	/** What a hostile file's script would do: mark the page and fetch the owner archive. */
	public static final String PAYLOAD = "document.title='PWNED';window.name='PWNED';fetch('/owners/export')";

	private UploadSamples() {
	}

	/** A hostile file and the message key the application must answer it with. */
	public record Hostile(String what, MockMultipartFile file, String photoRefusal, String attachmentRefusal) {
	}

	public static List<Hostile> hostile(String field) {
		return List.of(
				new Hostile("an HTML page", file(field, "photo.html", "text/html",
						("<html><body><script>" + PAYLOAD + "</script></body></html>").getBytes(StandardCharsets.UTF_8)),
						"upload.notImage", "upload.notAllowed"),
				new Hostile("an SVG with script", file(field, "photo.svg", "image/svg+xml",
						("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"" + PAYLOAD.replace('\'', '`')
								+ "\"><script>" + PAYLOAD + "</script></svg>").getBytes(StandardCharsets.UTF_8)),
						"upload.notImage", "upload.notAllowed"),
				new Hostile("a script", file(field, "photo.js", "application/javascript",
						PAYLOAD.getBytes(StandardCharsets.UTF_8)), "upload.notImage", "upload.notAllowed"),
				new Hostile("an executable renamed to a photo", file(field, "photo.jpg", "image/jpeg", executable()),
						"upload.notImage", "upload.notAllowed"),
				new Hostile("an HTML page claiming to be a PDF", file(field, "report.pdf", "application/pdf",
						("<html><script>" + PAYLOAD + "</script></html>").getBytes(StandardCharsets.UTF_8)),
						"upload.notImage", "upload.notAllowed"));
	}

	public static MockMultipartFile file(String field, String name, String type, byte[] data) {
		return new MockMultipartFile(field, name, type, data);
	}

	public static byte[] jpeg() {
		return image("jpeg", BufferedImage.TYPE_INT_RGB);
	}

	public static byte[] png() {
		return image("png", BufferedImage.TYPE_INT_ARGB);
	}

	private static byte[] image(String format, int type) {
		BufferedImage img = new BufferedImage(64, 48, type);
		Graphics2D g = img.createGraphics();
		g.setColor(new Color(30, 120, 200));
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.ORANGE);
		g.fillOval(10, 10, 30, 20);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(img, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * A valid JPEG that is also a page: a comment segment after the start marker holds {@code <html><script>}, and
	 * more HTML follows the end marker. A browser told it is HTML (or left to sniff) runs the script; an image
	 * decoder shows the picture.
	 */
	public static byte[] polyglotJpeg() {
		byte[] jpeg = jpeg();
		byte[] comment = ("<html><body><script>" + PAYLOAD + "</script>").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("<script>" + PAYLOAD + "</script></body></html>").getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xFE);
		int length = comment.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(comment);
		out.write(jpeg, 2, jpeg.length - 2);
		out.writeBytes(tail);
		return out.toByteArray();
	}

	/** The start of a Windows program (MZ header, PE signature). */
	public static byte[] executable() {
		byte[] exe = new byte[1024];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3C] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		byte[] text = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(text, 0, exe, 0x4E, text.length);
		return exe;
	}

	public static byte[] pdf() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document();
		PdfWriter.getInstance(doc, out);
		doc.open();
		doc.add(new Paragraph("Inspection report"));
		doc.close();
		return out.toByteArray();
	}

	public static byte[] xlsx() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "EstateDesk", "1.0");
			Worksheet ws = wb.newWorksheet("Sheet1");
			ws.value(0, 0, "room");
			ws.value(1, 0, "1-0101");
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** One byte more than {@code limitBytes}, starting like a JPEG. */
	public static byte[] oversize(long limitBytes) {
		byte[] data = new byte[Math.toIntExact(limitBytes + 1)];
		Arrays.fill(data, (byte) 0x41);
		data[0] = (byte) 0xFF;
		data[1] = (byte) 0xD8;
		data[2] = (byte) 0xFF;
		return data;
	}

	/** True when the bytes hold markup or script a browser could run. */
	public static boolean holdsScript(byte[] data) {
		String text = new String(data, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
		return text.contains("<script") || text.contains("<html") || text.contains("document.title");
	}

}

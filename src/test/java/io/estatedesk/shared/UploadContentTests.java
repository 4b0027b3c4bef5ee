package io.estatedesk.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import io.estatedesk.support.UploadSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a file is, by its bytes: pictures drawn anew, documents by their structure, the rest refused. */
class UploadContentTests {

	static final long PIXELS = 40_000_000;

	@Test
	void aJpegThatIsAlsoAPageComesOutAsAPureJpeg() throws Exception {
		byte[] polyglot = UploadSamples.polyglotJpeg();
		assertThat(UploadSamples.holdsScript(polyglot)).isTrue();
		assertThat(ImageIO.read(new ByteArrayInputStream(polyglot))).as("the polyglot is a valid JPEG").isNotNull();

		UploadContent.Outcome outcome = UploadContent.inspect(polyglot, true, PIXELS);

		assertThat(outcome.refusal()).isNull();
		assertThat(outcome.accepted().contentType()).isEqualTo("image/jpeg");
		assertThat(outcome.accepted().image()).isTrue();
		assertThat(UploadSamples.holdsScript(outcome.accepted().data())).isFalse();
		BufferedImage back = ImageIO.read(new ByteArrayInputStream(outcome.accepted().data()));
		assertThat(back.getWidth()).isEqualTo(64);
		assertThat(back.getHeight()).isEqualTo(48);
	}

	@Test
	void aPngIsReencodedAsPng() {
		UploadContent.Outcome outcome = UploadContent.inspect(UploadSamples.png(), true, PIXELS);
		assertThat(outcome.accepted().contentType()).isEqualTo("image/png");
		assertThat(outcome.accepted().extension()).isEqualTo("png");
	}

	@Test
	void pagesScriptsSvgAndProgramsAreRefusedAsPhotosAndAsAttachments() {
		for (String text : new String[] { "<html><script>alert(1)</script></html>", "<svg xmlns='http://www.w3.org/2000/svg'/>",
				"alert(1)", "name,phone\n张三,13800000000" }) {
			byte[] data = text.getBytes(StandardCharsets.UTF_8);
			assertThat(UploadContent.inspect(data, true, PIXELS).refusal()).isEqualTo("upload.notImage");
			assertThat(UploadContent.inspect(data, false, PIXELS).refusal()).isEqualTo("upload.notAllowed");
		}
		assertThat(UploadContent.inspect(UploadSamples.executable(), false, PIXELS).refusal()).isEqualTo("upload.notAllowed");
	}

	@Test
	void aPictureClaimingMorePixelsThanAllowedIsRefusedBeforeItIsDecoded() throws Exception {
		// a 2 x 2 PNG whose header is rewritten to 100000 x 100000: decoding it would need 40 GB
		byte[] png = UploadSamples.png();
		BufferedImage tiny = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(tiny, "png", out);
		png = out.toByteArray();
		writeInt(png, 16, 100_000);
		writeInt(png, 20, 100_000);
		assertThat(UploadContent.inspect(png, true, PIXELS).refusal()).isEqualTo("upload.imageTooLarge");
	}

	@Test
	void heicAndWebpGetAHintToConvert() {
		byte[] heic = new byte[64];
		System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
		assertThat(UploadContent.inspect(heic, true, PIXELS).refusal()).isEqualTo("upload.heic");
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(UploadContent.inspect(webp, false, PIXELS).refusal()).isEqualTo("upload.heic");
	}

	@Test
	void documentsAreKnownByTheirStructureAndMacrosAreRefused() throws Exception {
		assertThat(UploadContent.inspect(UploadSamples.pdf(), false, PIXELS).accepted().contentType()).isEqualTo("application/pdf");
		assertThat(UploadContent.inspect(UploadSamples.pdf(), true, PIXELS).refusal()).isEqualTo("upload.notImage");
		assertThat(UploadContent.inspect(UploadSamples.xlsx(), false, PIXELS).accepted().contentType()).isEqualTo(Downloads.XLSX);
		// a PDF cut off in the middle
		byte[] pdf = UploadSamples.pdf();
		byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 2);
		assertThat(UploadContent.inspect(cut, false, PIXELS).refusal()).isEqualTo("upload.broken");
		// a zip that is not an Office file, and one with macros
		assertThat(UploadContent.inspect(zip("readme.txt"), false, PIXELS).refusal()).isEqualTo("upload.notAllowed");
		assertThat(UploadContent.inspect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"), false, PIXELS)
			.refusal()).isEqualTo("upload.macro");
		assertThat(UploadContent.inspect(zip("[Content_Types].xml", "word/document.xml"), false, PIXELS).accepted().extension())
			.isEqualTo("docx");
	}

	@Test
	void anOldOfficeFileIsKnownByItsMainStreamAndOtherCompoundFilesAreRefused() {
		assertThat(UploadContent.inspect(ole2("Workbook"), false, PIXELS).accepted().contentType()).isEqualTo("application/vnd.ms-excel");
		assertThat(UploadContent.inspect(ole2("WordDocument"), false, PIXELS).accepted().extension()).isEqualTo("doc");
		// an installer package is a compound file too
		assertThat(UploadContent.inspect(ole2("\u4840\u463f"), false, PIXELS).refusal()).isEqualTo("upload.notAllowed");
	}

	@Test
	void aSidewaysPhoneJpegIsTurnedUprightBecauseItsExifIsNotKept() throws Exception {
		byte[] jpeg = UploadSamples.jpeg();
		// APP1 Exif, big-endian TIFF, IFD0 with one entry: orientation 6 (turn 90° clockwise)
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0 };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = 2 + 6 + tiff.length;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(tiff);
		out.write(jpeg, 2, jpeg.length - 2);
		byte[] sideways = out.toByteArray();
		assertThat(ExifOrientation.of(sideways)).isEqualTo(6);

		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(UploadContent.inspect(sideways, true, PIXELS).accepted().data()));
		assertThat(upright.getWidth()).isEqualTo(48);
		assertThat(upright.getHeight()).isEqualTo(64);
	}

	@Test
	void theStoredNameEndsInWhatTheFileReallyIs() {
		assertThat(Uploads.fileName("C:\\Users\\me\\卫生间渗水.html", "jpg")).isEqualTo("卫生间渗水.jpg");
		assertThat(Uploads.fileName("../../x\"<y>.js", "png")).isEqualTo("xy.png");
		assertThat(Uploads.fileName(null, "pdf")).isEqualTo("文件.pdf");
	}

	private static void writeInt(byte[] d, int at, int v) {
		d[at] = (byte) (v >>> 24);
		d[at + 1] = (byte) (v >>> 16);
		d[at + 2] = (byte) (v >>> 8);
		d[at + 3] = (byte) v;
	}

	private static byte[] zip(String... names) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** A compound file of 512-byte sectors with a root entry and one stream of the given name. */
	private static byte[] ole2(String stream) {
		byte[] d = new byte[2048];
		System.arraycopy(OfficeFiles.OLE2, 0, d, 0, 8);
		d[0x1E] = 9;
		entry(d, 512, "Root Entry", 5);
		entry(d, 640, stream, 2);
		return d;
	}

	private static void entry(byte[] d, int at, String name, int type) {
		byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(n, 0, d, at, n.length);
		int bytes = n.length + 2;
		d[at + 0x40] = (byte) bytes;
		d[at + 0x41] = (byte) (bytes >> 8);
		d[at + 0x42] = (byte) type;
	}

}

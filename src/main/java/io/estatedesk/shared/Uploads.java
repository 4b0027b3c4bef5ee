package io.estatedesk.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every file a user uploads, checked by its content and served back as data, never as a page.
 * <p>
 * {@link #check} refuses what is not a decodable image (JPEG, PNG, GIF, BMP; re-encoded) or, for attachments, a PDF or
 * Office document; the name and the declared type are ignored. {@link #serve} answers a stored file: inline only for
 * an image that was proven by decoding, otherwise as a download; always {@code nosniff} and a sandboxing policy.
 * Templates show the limits with {@code ${@uploads.limitMb('PHOTO')}}.
 */
@Component("uploads")
public class Uploads {

	/** What a form accepts. */
	public enum Kind {
		/** images only */
		PHOTO,
		/** images and documents (PDF, Word, Excel, PowerPoint) */
		ATTACHMENT
	}

	/**
	 * A file that passed the check: the bytes to store (an image re-encoded), the type found, and whether it is an
	 * image that may be shown inline. Stored with its row's "checked" flag set.
	 */
	public record Checked(String fileName, String contentType, byte[] data, boolean image) {

		public long size() {
			return data.length;
		}

	}

	/** Sent with every stored file: it may run nothing, load nothing, and is never a page of this site. */
	public static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'none'; frame-ancestors 'self'";

	private static final Set<String> INLINE = Set.of(UploadContent.JPEG, UploadContent.PNG);

	private static final Set<String> DOCUMENTS = Set.of(UploadContent.PDF, UploadContent.DOCX, UploadContent.XLSX,
			UploadContent.PPTX, UploadContent.DOC, UploadContent.XLS, UploadContent.PPT);

	private final Map<Kind, DataSize> limits;

	private final long maxPixels;

	Uploads(@Value("${estatedesk.uploads.photo-max-size:10MB}") DataSize photoMax,
			@Value("${estatedesk.uploads.attachment-max-size:20MB}") DataSize attachmentMax,
			@Value("${estatedesk.uploads.max-image-pixels:40000000}") long maxPixels,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartMax) {
		this.limits = Map.of(Kind.PHOTO, photoMax, Kind.ATTACHMENT, attachmentMax);
		this.maxPixels = maxPixels;
		// a file between the two limits would get the servlet's refusal instead of the message next to the field
		DataSize largest = photoMax.compareTo(attachmentMax) > 0 ? photoMax : attachmentMax;
		if (multipartMax.compareTo(largest) <= 0) {
			throw new IllegalStateException("spring.servlet.multipart.max-file-size (" + multipartMax
					+ ") must be larger than estatedesk.uploads.* (" + largest + ")");
		}
	}

	/** The size limit of a kind in whole megabytes (for the forms' help text). */
	public long limitMb(String kind) {
		return limits.get(Kind.valueOf(kind)).toMegabytes();
	}

	/**
	 * Checks an uploaded file; throws {@link InvalidInputException} naming {@code field} with a Chinese reason when it
	 * is missing, too large or not of an allowed kind.
	 */
	public Checked check(Kind kind, MultipartFile file, String field) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException(Map.of(field, "upload.empty"));
		}
		if (file.getSize() > limits.get(kind).toBytes()) {
			throw new InvalidInputException(Map.of(field, "upload.tooLarge." + kind));
		}
		byte[] data;
		try {
			data = file.getBytes();
		}
		catch (IOException e) {
			throw new InvalidInputException(Map.of(field, "attachment.unreadable"));
		}
		UploadContent.Outcome outcome = UploadContent.inspect(data, kind == Kind.PHOTO, maxPixels);
		if (outcome.refusal() != null) {
			throw new InvalidInputException(Map.of(field, outcome.refusal()));
		}
		UploadContent.Accepted a = outcome.accepted();
		return new Checked(fileName(file.getOriginalFilename(), a.extension()), a.contentType(), a.data(), a.image());
	}

	/**
	 * The uploader's name without folders or control characters, at most 200 characters, ending in the extension of
	 * what the file really is (so a picture sent as {@code .html} is saved as {@code .jpg}).
	 */
	static String fileName(String original, String extension) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		if (base.isBlank()) {
			base = "文件";
		}
		if (base.length() > 190) {
			base = base.substring(0, 190);
		}
		return base + "." + extension;
	}

	/**
	 * The response for a stored file. {@code checked} is the row's flag: its type was found by {@link #check}. Files
	 * stored before uploads were checked (or whose type is not one {@link #check} gives) are downloads of
	 * {@code application/octet-stream}, whatever they claim to be.
	 */
	public static ResponseEntity<byte[]> serve(String fileName, String contentType, boolean checked, byte[] data) {
		boolean inline = checked && contentType != null && INLINE.contains(contentType);
		String type = checked && contentType != null && (INLINE.contains(contentType) || DOCUMENTS.contains(contentType))
				? contentType : MediaType.APPLICATION_OCTET_STREAM_VALUE;
		String name = fileName == null || fileName.isBlank() ? "文件" : fileName;
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(name, StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX)
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(data);
	}

}

package io.estatedesk.shared;

/** The EXIF orientation tag (0x0112) of a JPEG, read from its APP1 segment; 1 (upright) when there is none. */
final class ExifOrientation {

	private ExifOrientation() {
	}

	static int of(byte[] jpeg) {
		try {
			int i = 2;
			while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
				int marker = jpeg[i + 1] & 0xFF;
				if (marker == 0xDA || marker == 0xD9) {
					return 1;
				}
				int length = u16(jpeg, i + 2, false);
				if (marker == 0xE1 && length >= 16 && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
						&& jpeg[i + 7] == 'f') {
					return fromTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
				}
				i += 2 + length;
			}
		}
		catch (RuntimeException e) {
			// a damaged EXIF block only loses the orientation
		}
		return 1;
	}

	private static int fromTiff(byte[] d, int tiff, int end) {
		boolean little = d[tiff] == 'I';
		int ifd = tiff + (int) u32(d, tiff + 4, little);
		int entries = u16(d, ifd, little);
		for (int e = 0; e < entries; e++) {
			int at = ifd + 2 + e * 12;
			if (at + 12 > end) {
				break;
			}
			if (u16(d, at, little) == 0x0112) {
				return u16(d, at + 8, little);
			}
		}
		return 1;
	}

	private static int u16(byte[] d, int at, boolean little) {
		int a = d[at] & 0xFF;
		int b = d[at + 1] & 0xFF;
		return little ? a | b << 8 : a << 8 | b;
	}

	private static long u32(byte[] d, int at, boolean little) {
		long hi = u16(d, little ? at + 2 : at, little);
		long lo = u16(d, little ? at : at + 2, little);
		return hi << 16 | lo;
	}

}

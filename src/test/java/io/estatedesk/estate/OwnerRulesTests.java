package io.estatedesk.estate;

import io.estatedesk.shared.Masking;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerRulesTests {

	@Test
	void acceptsMobileAndLandlineNumbers() {
		assertThat(OwnerRules.checkPhone("13812345678")).isNull();
		assertThat(OwnerRules.checkPhone("010-62345678")).isNull();
		assertThat(OwnerRules.checkPhone("02162345678")).isNull();
		assertThat(OwnerRules.checkPhone(OwnerRules.normalizePhone("+86 138 1234 5678"))).isNull();
		assertThat(OwnerRules.checkPhone("12812345678")).isEqualTo("owner.phone.invalid");
		assertThat(OwnerRules.checkPhone("1381234567")).isEqualTo("owner.phone.invalid");
	}

	@Test
	void checksTheIdCardCheckDigit() {
		String valid = OwnerRules.withCheckDigit("11010519491231002");
		assertThat(valid).isEqualTo("11010519491231002X");
		assertThat(OwnerRules.checkIdNumber(OwnerRules.ID_CARD, valid)).isNull();
		assertThat(OwnerRules.checkIdNumber(OwnerRules.ID_CARD, "110105194912310021")).isEqualTo("owner.idNumber.checksum");
		assertThat(OwnerRules.checkIdNumber(OwnerRules.ID_CARD, "11010519491231")).isEqualTo("owner.idNumber.format");
		assertThat(OwnerRules.checkIdNumber("护照", "E12345678")).isNull();
		assertThat(OwnerRules.checkIdNumber(null, "E12345678")).isEqualTo("owner.idType.required");
	}

	@Test
	void normalizesTagsSeparatedByChineseOrLatinPunctuation() {
		assertThat(OwnerRules.normalizeTags("VIP，敏感客户、 VIP;老业主")).isEqualTo("VIP,敏感客户,老业主");
	}

	@Test
	void masksTheMiddleOfPhonesAndIdNumbers() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone("010-62345678")).isEqualTo("010****5678");
		assertThat(Masking.phone("5678")).isEqualTo("****");
		assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
		assertThat(Masking.phone(null)).isNull();
	}

	@Test
	void parsesTheDateFormatsSalesSystemsExport() {
		assertThat(ArchiveImporter.parseDate("2025-06-30")).hasToString("2025-06-30");
		assertThat(ArchiveImporter.parseDate("2025/6/3")).hasToString("2025-06-03");
		assertThat(ArchiveImporter.parseDate("2025年6月3日")).hasToString("2025-06-03");
		assertThat(ArchiveImporter.parseDate("2025-06-30 00:00:00")).hasToString("2025-06-30");
		assertThat(ArchiveImporter.parseDate("30/06/2025")).isNull();
		assertThat(ArchiveImporter.parseDate("2025-02-30")).isNull();
	}

}

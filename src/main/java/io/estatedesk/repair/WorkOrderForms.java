package io.estatedesk.repair;

import java.time.LocalDate;
import java.time.LocalDateTime;

import io.estatedesk.shared.FieldErrors;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The forms of a work order's page, one per step. Their fields carry the names the facade's refusals use, so each
 * message stands under its field, and no two forms of the page share a field name (each field's id is its name).
 */
final class WorkOrderForms {

	private WorkOrderForms() {
	}

	/** A step that takes nothing but the version (开始维修, 恢复): its refusals stand at its button. */
	record StepForm() {
	}

	record DispatchForm(Long contractorId, @Size(max = 500, message = "{input.tooLong}") String dispatchNote) {
	}

	/** 完工: what was done (required by the facade) and the materials used. */
	record FinishForm(@Size(max = 5000, message = "{input.tooLong}") String finishNote,
			@Size(max = 2000, message = "{input.tooLong}") String finishMaterials) {
	}

	record AcceptForm(Integer ownerRating, @Size(max = 2000, message = "{input.tooLong}") String acceptanceNote) {
	}

	record RejectForm(@Size(max = 2000, message = "{input.tooLong}") String rejectReason) {
	}

	record ReturnCallForm(Boolean returnSatisfied, @Size(max = 5000, message = "{input.tooLong}") String returnResult) {
	}

	record AppointmentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentFrom,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentTo) {
	}

	record ProgressForm(@Size(max = 2000, message = "{input.tooLong}") String progressNote) {
	}

	record PauseForm(@Size(max = 500, message = "{input.tooLong}") String pauseReason,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resumeOn) {
	}

	record CancelForm(@Size(max = 500, message = "{input.tooLong}") String cancelReason) {
	}

	/** 收费与用料: the cost as typed, so "三块二" comes back as typed with "请输入数字". */
	record ChargeForm(Charge charge, @Size(max = 2000, message = "{input.tooLong}") String chargeMaterials,
			@Pattern(regexp = FieldErrors.NUMBER, message = "{input.numberOnly}") String cost) {
	}

	record PhotoForm(String stage, MultipartFile file) {
	}

}

package io.estatedesk.shared;

/** A record asked for by ID does not exist (pages show 404, the API a problem detail). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String messageKey) {
		super(messageKey);
	}

}

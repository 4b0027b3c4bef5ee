package io.estatedesk.complaint;

/** 一般 or 重大. */
public enum Severity {

	GENERAL, MAJOR;

}

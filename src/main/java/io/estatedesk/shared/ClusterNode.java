package io.estatedesk.shared;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * This running instance of the application among the nodes that share the database: the name recorded on the
 * background work it has claimed, so that work whose node stopped can be told from work still in hand.
 */
@Component
public class ClusterNode {

	private final String id;

	ClusterNode() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException | RuntimeException e) {
			host = "node";
		}
		// host and process, plus a random part: a restarted process on the same host is another node
		String name = host + "-" + ProcessHandle.current().pid() + "-"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		this.id = name.length() > 120 ? name.substring(name.length() - 120) : name;
	}

	/** The node's identifier, at most 120 characters. */
	public String id() {
		return id;
	}

}

package cn.liangxin.opinions.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay between the application and a real SMTP server (GreenMail) that forces the
 * moment a sender cannot know about: the server has taken a message (its {@code 250}
 * after the data), and the sender has not heard so. At the {@code n}-th message the relay
 * either <em>holds</em> that reply (the sender waits; the test kills it) or
 * <em>drops</em> the connection instead of passing it on. Every other byte passes
 * unchanged both ways. It also counts the connections and can close them all, as a server
 * closes idle ones.
 */
public final class SmtpRelay implements AutoCloseable {

	/** What happens to the server's acceptance of the chosen message. */
	public enum Fault {

		/** The reply is never passed on; the connection stays open. */
		HOLD,
		/** The connection is closed instead of passing the reply on. */
		DROP

	}

	private final ServerSocket listener;

	private final String upstreamHost;

	private final int upstreamPort;

	private final int faultAt;

	private final Fault fault;

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final CountDownLatch faulted = new CountDownLatch(1);

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private SmtpRelay(String upstreamHost, int upstreamPort, int faultAt, Fault fault) throws IOException {
		this.listener = new ServerSocket(0);
		this.upstreamHost = upstreamHost;
		this.upstreamPort = upstreamPort;
		this.faultAt = faultAt;
		this.fault = fault;
		daemon(this::accept);
	}

	/**
	 * A relay to the server at {@code upstreamPort} on 127.0.0.1 that applies the fault
	 * to the server's acceptance of the {@code faultAt}-th message (counted from 1 over
	 * all connections).
	 */
	public static SmtpRelay to(int upstreamPort, int faultAt, Fault fault) throws IOException {
		return new SmtpRelay("127.0.0.1", upstreamPort, faultAt, fault);
	}

	/**
	 * A relay that passes everything on unchanged (it counts connections and messages).
	 */
	public static SmtpRelay to(int upstreamPort) throws IOException {
		return new SmtpRelay("127.0.0.1", upstreamPort, 0, Fault.HOLD);
	}

	/** How many connections the sender opened through the relay. */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * Closes every open connection both ways, as a server does with connections idle too
	 * long.
	 */
	public void closeConnections() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** Waits until the server took the chosen message and the fault was applied. */
	public boolean awaitFault(long seconds) throws InterruptedException {
		return this.faulted.await(seconds, TimeUnit.SECONDS);
	}

	/**
	 * How many messages the server accepted through the relay (the faulted one included).
	 */
	public int accepted() {
		return this.accepted.get();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.upstreamHost, this.upstreamPort);
				this.connections.incrementAndGet();
				this.sockets.add(client);
				this.sockets.add(server);
				daemon(() -> copy(client, server));
				daemon(() -> replies(server, client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "smtp-relay");
		thread.setDaemon(true);
		thread.start();
	}

	/** The client's commands and data, byte for byte. */
	private static void copy(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException ex) {
			// either side closed
		}
	}

	/** The server's replies, line by line, watching for the reply that ends a message. */
	private void replies(Socket server, Socket client) {
		try {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(server.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = client.getOutputStream();
			boolean inData = false;
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith("354")) {
					inData = true;
				}
				else if (inData) {
					inData = false;
					if (line.startsWith("250") && this.accepted.incrementAndGet() == this.faultAt) {
						this.faulted.countDown();
						if (this.fault == Fault.DROP) {
							client.close();
							server.close();
						}
						// HOLD: the reply is kept; nothing more is passed on this
						// connection
						return;
					}
				}
				out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
		}
		catch (IOException ex) {
			// either side closed
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}

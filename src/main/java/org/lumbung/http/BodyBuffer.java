package org.lumbung.http;

import java.io.ByteArrayOutputStream;

/**
 * The bytes of a body as they arrive, in an array sized from what the answer announced. A page of known length is
 * then filled once and handed on as it is: not grown by doubling through a dozen arrays and copied once more at the end
 * (on a harvest of 6 MB pages that was an eighth of everything the harvest allocated). The array is made when the
 * first bytes come: an answer with none (a 304 or a redirect that announces its entity's length) makes none.
 */
final class BodyBuffer extends ByteArrayOutputStream {

    /**
     * The largest array made ahead of the bytes. An announced length is a server's word: one that announces 200 MB and
     * then stalls gets an array that grows with what it really sends, not 200 MB for as long as it stalls.
     */
    static final int MAX_AHEAD = 8 * 1024 * 1024;

    private static final int SMALLEST = 64 * 1024;

    private final int ahead;

    /**
     * @param announced the length the answer announced, or a hint; zero or less when unknown
     * @param limit     the most bytes the body may hold
     */
    BodyBuffer(long announced, long limit) {
        super(0);
        ahead = announced > 0 ? (int) Math.max(Math.min(Math.min(announced, limit), MAX_AHEAD), 1) : SMALLEST;
    }

    @Override
    public synchronized void write(int b) {
        first(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        first(len);
        super.write(b, off, len);
    }

    private void first(int len) {
        if (buf.length == 0 && len > 0) {
            buf = new byte[Math.max(ahead, len)];
        }
    }

    /** How many bytes the array holds now, written or not. */
    synchronized int capacity() {
        return buf.length;
    }

    /** The bytes written: the array itself when it was filled exactly, else a copy cut to length. */
    synchronized byte[] bytes() {
        return count == buf.length ? buf : toByteArray();
    }
}

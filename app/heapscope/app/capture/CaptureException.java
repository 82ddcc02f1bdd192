package heapscope.app.capture;

/**
 * A snapshot could not be taken, for a reason the user can act on. The message is one sentence that names the target
 * and what to do, without a stack trace: "JVM 1234 refuses to be attached to: it was started with
 * -XX:+DisableAttachMechanism (restart it without that option)".
 */
public final class CaptureException extends Exception {
    public CaptureException(String sentence) {
        super(sentence);
    }

    public CaptureException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}

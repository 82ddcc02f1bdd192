package heapscope.app;

public final class Launcher {
    public static void main(String[] args) {
    }
}

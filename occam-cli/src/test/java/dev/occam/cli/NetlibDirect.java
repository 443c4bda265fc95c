package dev.occam.cli;

/**
 * Asks netlib for its BLAS directly, bypassing Occam's {@code NativeBlas}: the control case of
 * {@link QuietOutputTest}, showing that the properties it uses do make netlib's native load fail
 * loudly when netlib is left to try.
 */
final class NetlibDirect {
    private NetlibDirect() { }

    public static void main(String[] args) {
        System.out.println(dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName());
    }
}

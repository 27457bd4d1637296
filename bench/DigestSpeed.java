// Single-thread throughput of the JDK's MD5 and SHA-256 on this machine (docs/benchmarks.md): java bench/DigestSpeed.java
import java.security.MessageDigest;
public class DigestSpeed {
    public static void main(String[] a) throws Exception {
        byte[] buf = new byte[256 * 1024];
        new java.util.Random(1).nextBytes(buf);
        for (String alg : new String[]{"MD5", "SHA-256", "MD5", "SHA-256"}) {
            MessageDigest d = MessageDigest.getInstance(alg);
            long t0 = System.nanoTime();
            long total = 0;
            while (total < (1L << 30)) { d.update(buf); total += buf.length; }
            d.digest();
            System.out.printf("%s %.0f MB/s%n", alg, total / 1e6 / ((System.nanoTime() - t0) / 1e9));
        }
    }
}

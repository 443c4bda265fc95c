package dev.occam.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] SparkSession of the module's tests, shared by every test class in the JVM (a
 * session costs seconds to start); bound to the loopback address.
 */
final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() { }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("occam-spark-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }
}

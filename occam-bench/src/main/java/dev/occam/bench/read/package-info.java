/** JMH benchmarks of the data readers (parse speed in MB/s = file size / time per read). */
package dev.occam.bench.read;

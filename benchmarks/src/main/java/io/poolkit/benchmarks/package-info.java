/**
 * JMH benchmarks of poolkit's hot paths. Build with
 * {@code mvn -B -q package -DskipTests -pl benchmarks -am} and run
 * {@code java -jar benchmarks/target/benchmarks.jar NAME}; benchmarks/README.md records results.
 */
package io.poolkit.benchmarks;

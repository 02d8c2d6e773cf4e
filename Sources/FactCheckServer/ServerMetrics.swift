import Prometheus

/// What `factcheck serve --metrics` counts, and its `GET /metrics` page (Prometheus text exposition format).
///
/// One registry per server rather than swift-metrics' global bootstrap: two servers in one process (tests) count
/// apart, and nothing else in the process can add metrics to the page. Every series is made when the server
/// starts, so a scrape shows zeros rather than missing series before the first check or error, and recording is
/// an atomic add (a lock for the histogram) with no lookup by name.
final class ServerMetrics: Sendable {
    /// How a check ended, the `outcome` label of `factcheck_checks_total`.
    enum Outcome: String, CaseIterable, Sendable {
        /// Checked, and no finding is contradicted (signed-off contradictions are accepted, so they count clean).
        case clean
        /// Checked, with at least one contradicted finding: what a pre-publish hook blocks on.
        case contradicted
        /// Not checked: timed out, the draft could not be read or checked, the server was stopping, or it failed.
        case error
    }

    /// The latency histogram's upper bounds, from 5 ms (a short draft against a warm store) to 10 s (the default
    /// `--timeout`, which is where a timed-out check lands).
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// The exposition format's content type, which Prometheus reads to pick the parser.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    private let registry = PrometheusCollectorRegistry()
    private let checks: [Outcome: Counter]
    private let latency: DurationHistogram
    private let errors: [APIError.Kind: Counter]
    private let queries: [CountingFactSource.Query: Counter]

    /// A registry of its own with every series at zero.
    init() {
        let registry = self.registry
        let checks = MetricNameDescriptor(namespace: "factcheck", metricName: "checks", unitName: "total",
                                          helpText: "Drafts checked (POST /v1/check and /v1/report), by outcome.")
        self.checks = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { outcome in
            (outcome, registry.makeCounter(descriptor: checks, labels: [("outcome", outcome.rawValue)]))
        })
        latency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "factcheck", metricName: "check_duration", unitName: "seconds",
                                             helpText: "Time from a check's start to its rendered answer, queueing on the worker pool included, whatever the outcome."),
            buckets: Self.latencyBuckets)
        let errors = MetricNameDescriptor(namespace: "factcheck", metricName: "errors", unitName: "total",
                                          helpText: "Error answers (4xx and 5xx), by kind.")
        self.errors = Dictionary(uniqueKeysWithValues: APIError.Kind.allCases.map { kind in
            (kind, registry.makeCounter(descriptor: errors, labels: [("kind", kind.rawValue)]))
        })
        let queries = MetricNameDescriptor(namespace: "factcheck", subsystem: "fact_store", metricName: "queries",
                                           unitName: "total", helpText: "Reads of the fact store made by checks, by query.")
        self.queries = Dictionary(uniqueKeysWithValues: CountingFactSource.Query.allCases.map { query in
            (query, registry.makeCounter(descriptor: queries, labels: [("query", query.rawValue)]))
        })
    }

    /// Counts a check that ended with `outcome` after `duration`.
    func recordCheck(_ outcome: Outcome, duration: Duration) {
        checks[outcome]?.increment()
        latency.record(duration)
    }

    /// Counts an error answer.
    func recordError(_ kind: APIError.Kind) {
        errors[kind]?.increment()
    }

    /// Counts a read of the fact store.
    func recordQuery(_ query: CountingFactSource.Query) {
        queries[query]?.increment()
    }

    /// The `GET /metrics` page: every series in Prometheus text exposition format (version 0.0.4).
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

import CatalogueModel
import Foundation
import Prometheus

/// The server's Prometheus metrics, on a registry of its own — never the process-wide
/// swift-metrics system, which a hub embedding the catalogue may have bootstrapped for itself.
///
/// Request latency per route, method and status; search latency; harvest runs by outcome; and,
/// read at each scrape, the documents in the index and how long ago the index last changed.
final class CatalogueMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let documents: Gauge
    private let indexAge: Gauge
    private let searchLatency: DurationHistogram

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        documents = registry.makeGauge(name: "catalogue_index_documents", help: "Datasets in the search index.")
        indexAge = registry.makeGauge(
            name: "catalogue_index_revision_age_seconds", help: "Seconds since the search index last changed.")
        searchLatency = registry.makeDurationHistogram(
            name: "catalogue_search_duration_seconds", buckets: Self.buckets, help: "Time to answer a dataset search.")
    }

    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        registry.makeDurationHistogram(
            name: "http_server_request_duration_seconds",
            labels: [("route", route), ("method", method), ("status", String(status))],
            buckets: Self.buckets, help: "Time to answer an HTTP request, by route, method and status."
        ).record(duration)
    }

    func recordSearch(_ duration: Duration) { searchLatency.record(duration) }

    func recordHarvestRun(_ status: HarvestRun.Status) {
        registry.makeCounter(
            name: "catalogue_harvest_runs_total", labels: [("outcome", status.rawValue)], help: "Harvest runs the server stored, by outcome."
        ).increment()
    }

    func recordHarvestFailure() {
        registry.makeCounter(
            name: "catalogue_harvest_runs_total", labels: [("outcome", "error")], help: "Harvest runs the server stored, by outcome."
        ).increment()
    }

    /// The scrape: the gauges brought up to date, then the registry in Prometheus' text format.
    func scrape(documents count: Int, indexChangedAt: Date?) -> [UInt8] {
        documents.set(to: Double(count))
        indexAge.set(to: indexChangedAt.map { max(0, Date().timeIntervalSince($0)) } ?? 0)
        return registry.emitToBuffer()
    }
}

import FactCheckKit
import Foundation

/// What the endpoints do: check a draft against the one `CheckSession` loaded at start-up, and render the answer.
///
/// The session (compiled rules, fact base) is immutable and `Sendable`, so every request reads the same copy
/// concurrently, without locks; PCRE2 match data is per call (see Patterns/).
public struct CheckService: Sendable {
    /// Rules and fact base, loaded once.
    public let session: CheckSession
    /// The HTML report's templates, for `/v1/report`.
    public let templates: HTMLTemplates
    let workers: CheckWorkerPool
    let timeout: Duration
    /// What checks are counted in (`--metrics`); nil counts nothing.
    let metrics: ServerMetrics?

    /// - Parameters:
    ///   - session: Rules and fact base, loaded once.
    ///   - templates: The HTML report's templates, for `/v1/report`.
    ///   - timeout: How long a check may take, queueing included.
    public init(session: CheckSession, templates: HTMLTemplates, timeout: Duration = ServerOptions.defaultTimeout) {
        self.init(session: session, templates: templates, timeout: timeout, workers: CheckWorkerPool())
    }

    /// With a chosen worker pool (tests fill a one-thread pool to make a check wait past its deadline).
    init(session: CheckSession, templates: HTMLTemplates, timeout: Duration, workers: CheckWorkerPool,
         metrics: ServerMetrics? = nil) {
        self.session = session
        self.templates = templates
        self.timeout = timeout
        self.workers = workers
        self.metrics = metrics
    }

    /// Renders reports with the session's templates (the configured ones, else the built-in ones), as `check
    /// --format html` does.
    public init(session: CheckSession, timeout: Duration = ServerOptions.defaultTimeout) {
        self.init(session: session, templates: session.reportTemplates, timeout: timeout)
    }

    /// The same service, counting its checks, their latency and their fact-store queries in `metrics`.
    func measured(by metrics: ServerMetrics) -> CheckService {
        CheckService(session: session.readingFacts(through: { CountingFactSource(wrapped: $0, metrics: metrics) }),
                     templates: templates, timeout: timeout, workers: workers, metrics: metrics)
    }

    /// The JSON report (DESIGN.md's JSON v1) of one draft.
    func checkJSON(_ request: CheckRequest) async throws(APIError) -> String {
        try await check(request) { report in JSONReporter().generateReport([report]) }
    }

    /// The HTML discrepancy page of one draft.
    func checkHTML(_ request: CheckRequest) async throws(APIError) -> String {
        try await check(request) { report in
            HTMLReporter(templates: templates).generateReport([report], version: ToolInfo.version, date: ReportDate.current())
        }
    }

    /// Checks the draft and renders its report with `render`; with metrics, counts the check by outcome and times
    /// it from the start to the rendered answer, which is what the client waits for (less the network).
    private func check(_ request: CheckRequest, render: (DraftReport) -> String) async throws(APIError) -> String {
        guard let metrics else { return render(try await checkUnmeasured(request)) }
        let start = ContinuousClock.now
        do {
            let report = try await checkUnmeasured(request)
            let answer = render(report)
            metrics.recordCheck(report.count(.contradicted) > 0 ? .contradicted : .clean,
                                duration: ContinuousClock.now - start)
            return answer
        } catch {
            metrics.recordCheck(.error, duration: ContinuousClock.now - start)
            throw error
        }
    }

    private func checkUnmeasured(_ request: CheckRequest) async throws(APIError) -> DraftReport {
        let session = self.session
        do {
            return try await workers.run(timeout: timeout) { cancellation in
                // Reading the draft (sentence splitting, Markdown blanking) is CPU work too: it runs on the pool.
                let document = try request.document()
                return try session.check([document], cancellation: cancellation)[0]
            }
        } catch let error as APIError {
            throw error
        } catch CheckWorkerPool.Failure.timedOut {
            throw .timedOut(limit: timeout)
        } catch CheckWorkerPool.Failure.shuttingDown {
            throw .shuttingDown
        } catch let FactCheckError.store(error) {
            throw .factBaseUnavailable(error)
        } catch let error as FactCheckError {
            throw .uncheckableDraft(error)
        } catch {
            throw .internalFailure(error)
        }
    }
}

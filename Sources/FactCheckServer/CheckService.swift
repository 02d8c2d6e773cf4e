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

    /// - Parameters:
    ///   - session: Rules and fact base, loaded once.
    ///   - templates: The HTML report's templates, for `/v1/report`.
    ///   - timeout: How long a check may take, queueing included.
    public init(session: CheckSession, templates: HTMLTemplates, timeout: Duration = ServerOptions.defaultTimeout) {
        self.init(session: session, templates: templates, timeout: timeout, workers: CheckWorkerPool())
    }

    /// With a chosen worker pool (tests fill a one-thread pool to make a check wait past its deadline).
    init(session: CheckSession, templates: HTMLTemplates, timeout: Duration, workers: CheckWorkerPool) {
        self.session = session
        self.templates = templates
        self.timeout = timeout
        self.workers = workers
    }

    /// Renders reports with the session's templates (the configured ones, else the built-in ones), as `check
    /// --format html` does.
    public init(session: CheckSession, timeout: Duration = ServerOptions.defaultTimeout) {
        self.init(session: session, templates: session.reportTemplates, timeout: timeout)
    }

    /// The JSON report (DESIGN.md's JSON v1) of one draft.
    func checkJSON(_ request: CheckRequest) async throws(APIError) -> String {
        JSONReporter().generateReport([try await check(request)])
    }

    /// The HTML discrepancy page of one draft.
    func checkHTML(_ request: CheckRequest) async throws(APIError) -> String {
        let report = try await check(request)
        return HTMLReporter(templates: templates)
            .generateReport([report], version: ToolInfo.version, date: ReportDate.current())
    }

    private func check(_ request: CheckRequest) async throws(APIError) -> DraftReport {
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

/// How `factcheck serve` listens and what it accepts; the command line fills it from flags and the environment.
public struct ServerOptions: Sendable {
    /// The largest request body accepted when nothing else is said: 1 MiB, some 150,000 words of draft.
    public static let defaultMaxBodyBytes = 1 << 20
    /// How long one check may take, queueing included, when nothing else is said.
    public static let defaultTimeout: Duration = .seconds(10)
    /// The most connections open at once when nothing else is said; more wait to be accepted.
    public static let defaultMaxConnections = 1_000
    /// How long a connection may send nothing (between requests, or in the middle of a body) before it is closed.
    public static let defaultIdleTimeout: Duration = .seconds(15)

    /// The interface to bind; loopback by default, so a server is never exposed to the network by accident.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (the start-up log line says which).
    public var port: Int
    /// Requests with a larger body are answered 413.
    public var maxBodyBytes: Int
    /// A check that has not answered by then is answered 503 (see `CheckWorkerPool` for what happens to its work).
    public var timeout: Duration
    /// When set, `/v1/...` requests need `Authorization: Bearer <token>`; `/healthz` never does.
    public var token: String?
    /// Connections past this many wait to be accepted, so that slow clients cannot take every file descriptor.
    public var maxConnections: Int
    /// A connection silent this long is closed: an upload that stalls frees its descriptor.
    public var idleTimeout: Duration
    /// Whether to count checks, errors and fact-store queries and answer `GET /metrics` (behind the token, when
    /// one is set); off, `/metrics` is a 404 like any unknown path.
    public var metrics: Bool

    public init(host: String = "127.0.0.1", port: Int = 8787, maxBodyBytes: Int = Self.defaultMaxBodyBytes,
                timeout: Duration = Self.defaultTimeout, token: String? = nil,
                maxConnections: Int = Self.defaultMaxConnections, idleTimeout: Duration = Self.defaultIdleTimeout,
                metrics: Bool = false) {
        self.metrics = metrics
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.timeout = timeout
        self.token = token
    }
}

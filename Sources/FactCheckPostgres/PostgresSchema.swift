import FactCheckKit
import PostgresNIO

/// The PostgreSQL store's tables, created and upgraded by `factcheck base migrate`, versioned in
/// `factcheck_schema_version` (one row per migration applied).
///
/// - `meta`: the rules fingerprint, the sentence count (the aligner's rarity weights are measured against it), and
///   the version of the contents, which every write raises (readers cache what they read of one version).
/// - `documents`: one row per source file (path unique: two adds of one file cannot both store it), with what it
///   added to the statistics (its terms and their sentence counts, its name words and names), taken back when it
///   is removed.
/// - `claims`: one row per distinct claim (the same wire sentence in a hundred papers is one), with the SQLite
///   store's encoded context and value (`StoredFactCoding`), its value class, key and interval, and its context
///   terms (GIN-indexed: the candidate query by context). A claim no document states any more stays, unread: the
///   reads go through `facts`.
/// - `facts`: one row per claim occurrence: document, claim, and the encoded passage. Ids come from `fact_ids`
///   in the order of the files added, which is the aligner's tie-break order, as in the SQLite store.
/// - `terms`, `name_terms`, `entities`: counts summed over the documents.
///
/// Only `base migrate` changes the schema: other commands refuse a database whose version is not theirs, so that a
/// newer schema is never written by an older binary.
enum PostgresSchema {
    /// The version this factcheck writes and reads.
    static let version = 1

    /// The migrations, by the version they bring the schema to.
    static let migrations: [Int: [String]] = [
        1: [
            """
            CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL)
            """,
            "INSERT INTO meta (key, value) VALUES ('sentence_count', '0'), ('rules_fingerprint', ''), ('version', '0')",
            """
            CREATE TABLE documents (
                id bigserial PRIMARY KEY,
                path text NOT NULL UNIQUE,
                content_hash text NOT NULL,
                size bigint NOT NULL,
                modified double precision NOT NULL,
                date text,
                format text NOT NULL,
                sentence_count bigint NOT NULL,
                fact_count bigint NOT NULL,
                term_names text[] NOT NULL,
                term_sentences bigint[] NOT NULL,
                name_terms text[] NOT NULL,
                entities text[] NOT NULL
            )
            """,
            "CREATE SEQUENCE fact_ids",
            """
            CREATE TABLE claims (
                id bigserial PRIMARY KEY,
                signature text NOT NULL UNIQUE,
                value_class integer NOT NULL,
                key text NOT NULL,
                low double precision NOT NULL,
                high double precision NOT NULL,
                terms text[] NOT NULL,
                context_group bigint NOT NULL,
                context bytea NOT NULL,
                value bytea NOT NULL
            )
            """,
            "CREATE INDEX claims_by_term ON claims USING gin (terms)",
            "CREATE INDEX claims_by_key ON claims (value_class, key) WHERE key <> ''",
            "CREATE INDEX claims_by_value ON claims (value_class, low, high)",
            """
            CREATE TABLE facts (
                id bigint PRIMARY KEY,
                document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                claim_id bigint NOT NULL REFERENCES claims(id),
                passage bytea NOT NULL
            )
            """,
            "CREATE INDEX facts_by_document ON facts (document_id)",
            "CREATE INDEX facts_by_claim ON facts (claim_id, id)",
            "CREATE TABLE terms (term text PRIMARY KEY, sentences bigint NOT NULL)",
            "CREATE TABLE name_terms (term text PRIMARY KEY, documents bigint NOT NULL)",
            "CREATE TABLE entities (name text PRIMARY KEY, documents bigint NOT NULL)",
        ],
    ]

    /// The schema version of the database (0: none; nil: no version table, never migrated).
    static func installedVersion(_ connection: BlockingConnection) throws(FactStoreError) -> Int? {
        let exists = try connection.query("SELECT to_regclass('factcheck_schema_version') IS NOT NULL")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else { return nil }
        let rows = try connection.query("SELECT coalesce(max(version), 0) FROM factcheck_schema_version")
        return rows.first.flatMap { try? $0.decode(Int.self) } ?? 0
    }

    /// Refuses a database this binary cannot use: never migrated, older (run `base migrate`) or newer.
    static func checkVersion(_ connection: BlockingConnection) throws(FactStoreError) {
        let installed = try installedVersion(connection)
        let place = connection.url.redacted
        guard let installed, installed > 0 else {
            throw FactStoreError(path: place, message: "holds no factcheck fact base yet (schema not created)",
                                 hint: "run `factcheck base migrate` against it first")
        }
        if installed > version { throw newer(installed, place) }
        if installed < version {
            throw FactStoreError(path: place, message: "has fact base schema version \(installed), this factcheck uses \(version)",
                                 hint: "run `factcheck base migrate`")
        }
    }

    static func newer(_ installed: Int, _ place: String) -> FactStoreError {
        FactStoreError(path: place, message: "has fact base schema version \(installed), newer than this factcheck knows (\(version)); nothing was written",
                       hint: "upgrade factcheck to the version that migrated it")
    }

    /// Creates or upgrades the schema, in one transaction under the writers' lock: two migrations at once run
    /// one after the other, and a failed one leaves the database as it was.
    /// - Returns: the version before and after.
    /// - Throws: `FactStoreError` for a newer schema (nothing is written) or a failing statement.
    static func migrate(_ connection: BlockingConnection) throws(FactStoreError) -> (from: Int, to: Int) {
        let url = connection.url
        try connection.execute("BEGIN", during: .writing)
        do throws(FactStoreError) {
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(url.schema)", during: .writing)
            try PostgresFactStore.lockWriters(connection)
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS factcheck_schema_version (
                    version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                """, during: .writing)
            let installed = try installedVersion(connection) ?? 0
            if installed > version { throw newer(installed, url.redacted) }
            for next in (installed + 1)...max(installed + 1, version) where next <= version {
                for statement in migrations[next] ?? [] { try connection.execute(statement, during: .writing) }
                try connection.query("INSERT INTO factcheck_schema_version (version) VALUES (\(next))", during: .writing)
            }
            try connection.execute("COMMIT", during: .writing)
            return (installed, version)
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}

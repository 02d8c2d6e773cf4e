import GRDB

/// The store's tables, created and upgraded by versioned migrations.
///
/// - `meta`: key/value facts about the base (the rules fingerprint it was built with, sentence count).
/// - `documents`: one row per source file: path, content hash, size and modification time, date, format, the
///   first of its facts' ids (a document's facts are inserted together, so their ids run from there for
///   `fact_count`), and what it added to the statistics (so that removing it can take them back): the sentence
///   count of each of its terms, by term id (`term_sentences`), and its name terms and entities.
/// - `contexts`: one row per distinct claim context (`FactRecord.writeContext`: rule, key, context terms,
///   names; everything alignment reads but the value), with its value class, key and number of claims: a
///   sentence stated with a hundred different figures is one context, scored once per draft claim.
/// - `claims`: one row per distinct claim (a context and a value, `FactRecord.writeValue`), with its number
///   of facts: the same sentence on the wire and in a hundred papers is one claim.
/// - `facts`: one row per claim occurrence: document, claim, and the passage evidence shows. A document's facts
///   are inserted together, after its claims and before its row.
/// - `terms`: every context term with the number of sentences it occurs in (the aligner's rarity weights).
/// - `postings`: term → contexts that hold it (with its closeness weight there), by value class: the candidate
///   query by context, which sums the overlap and hands over only the contexts that reach it.
/// - `claim_values`: an R*Tree over (value class, value interval) of claims, with each claim's context: the
///   candidate query by value.
/// - `name_terms`, `entities`: the words of full names and the names themselves with their aliases, counted by
///   the documents that use them.
enum FactStoreSchema {
    /// The index of facts by claim, as the migrations make it: a writer filling an empty store drops it and makes
    /// it again, in one pass, once the facts are in (`StoreWriter`).
    static let factsByClaimIndex = "CREATE INDEX facts_by_claim ON facts(claim_id, id)"

    /// Written into the SQLite header (`PRAGMA application_id`): "FCK1". A database without it is not ours.
    static let applicationID: Int32 = 0x4643_4B31
    /// The schema version, part of the rules fingerprint: a store of an older version is refused until rebuilt.
    static let version = 3

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE documents (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    content_hash TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modified REAL NOT NULL,
                    date TEXT,
                    format TEXT NOT NULL,
                    sentence_count INTEGER NOT NULL,
                    fact_count INTEGER NOT NULL,
                    term_counts TEXT NOT NULL,
                    name_terms TEXT NOT NULL,
                    entities TEXT NOT NULL
                );
                CREATE TABLE claims (
                    id INTEGER PRIMARY KEY,
                    signature TEXT NOT NULL UNIQUE,
                    value_class INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    body BLOB NOT NULL,
                    fact_count INTEGER NOT NULL
                );
                CREATE INDEX claims_by_key ON claims(value_class, key) WHERE key <> '';
                CREATE TABLE facts (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL REFERENCES documents(id),
                    claim_id INTEGER NOT NULL REFERENCES claims(id),
                    passage BLOB NOT NULL
                );
                CREATE INDEX facts_by_document ON facts(document_id);
                CREATE INDEX facts_by_claim ON facts(claim_id, id);
                CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, sentences INTEGER NOT NULL);
                CREATE TABLE postings (
                    term_id INTEGER NOT NULL,
                    value_class INTEGER NOT NULL,
                    claim_id INTEGER NOT NULL,
                    weight REAL NOT NULL,
                    PRIMARY KEY (term_id, value_class, claim_id)
                ) WITHOUT ROWID;
                CREATE VIRTUAL TABLE claim_values USING rtree(id, class_low, class_high, low, high);
                CREATE TABLE name_terms (term TEXT PRIMARY KEY NOT NULL, documents INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE entities (
                    name TEXT PRIMARY KEY NOT NULL,
                    alias TEXT,
                    documents INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX entities_by_alias ON entities(alias);
                INSERT INTO meta(key, value) VALUES ('sentence_count', '0'), ('rules_fingerprint', '');
                """)
        }
        // Version 1 stored claims whole and postings by claim: those tables are remade and the facts emptied (their
        // layout stays: `claim_id` names the new `claims`). The documents stay, so that `base rebuild` (which the
        // changed fingerprint asks for) knows what to re-read.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                DELETE FROM facts;
                DROP TABLE postings;
                DROP TABLE claim_values;
                DROP TABLE claims;
                CREATE TABLE contexts (
                    id INTEGER PRIMARY KEY,
                    signature TEXT NOT NULL UNIQUE,
                    value_class INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    body BLOB NOT NULL,
                    claim_count INTEGER NOT NULL
                );
                CREATE INDEX contexts_by_key ON contexts(value_class, key) WHERE key <> '';
                CREATE TABLE claims (
                    id INTEGER PRIMARY KEY,
                    signature TEXT NOT NULL UNIQUE,
                    context_id INTEGER NOT NULL REFERENCES contexts(id),
                    value BLOB NOT NULL,
                    fact_count INTEGER NOT NULL
                );
                CREATE INDEX claims_by_context ON claims(context_id, id);
                CREATE TABLE postings (
                    term_id INTEGER NOT NULL,
                    value_class INTEGER NOT NULL,
                    context_id INTEGER NOT NULL,
                    weight REAL NOT NULL,
                    PRIMARY KEY (term_id, value_class, context_id)
                ) WITHOUT ROWID;
                CREATE VIRTUAL TABLE claim_values USING rtree(id, class_low, class_high, low, high, +context_id);
                """)
        }
        // Version 2 found a document's facts through an index on `document_id` (one more B-tree insert per fact)
        // and kept its term counts as lines of text (a fifth of the store). Now a document's facts are a range of
        // ids and its term counts pairs of varints by term id. `document_id` is no foreign key any more: SQLite
        // would look for a removed document's facts by that column, which no index serves; the writer removes
        // them by their range. The facts are remade empty and the documents kept, as for version 2: the changed
        // fingerprint asks for `base rebuild`, which re-reads them.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                DROP TABLE facts;
                CREATE TABLE facts (
                    id INTEGER PRIMARY KEY,
                    document_id INTEGER NOT NULL,
                    claim_id INTEGER NOT NULL REFERENCES claims(id),
                    passage BLOB NOT NULL
                );
                CREATE INDEX facts_by_claim ON facts(claim_id, id);
                ALTER TABLE documents DROP COLUMN term_counts;
                ALTER TABLE documents ADD COLUMN term_sentences BLOB NOT NULL DEFAULT x'';
                ALTER TABLE documents ADD COLUMN first_fact_id INTEGER NOT NULL DEFAULT 0;
                """)
        }
        return migrator
    }
}

import GRDB

/// The catalogue's schema, as migrations that never change once released.
///
/// Each migration is plain SQL and never refers to application types, so that a later change to a
/// model type cannot silently change how an old database is migrated. A schema change is a new
/// migration appended to the list, never an edit of an old one.
///
/// Choices that hold for every table (they are the database's own guarantees, not the code's):
/// - `STRICT` tables, so a column only ever holds its declared type;
/// - `NOT NULL` exactly where the model property is not optional, and `CHECK`s for what SQL can
///   see cheaply (non-empty identifiers, 64-character hashes, JSON objects, non-negative counts).
///   Checks that would cost SQLite microseconds per row on the import path are made in Swift
///   instead: `json_valid` (13 µs for a 3.5 kB record) and a hex-digit `GLOB` on the hash (3 µs).
///   The JSON is written by one tested encoder, and a column that does not decode is reported on
///   read with its dataset key;
/// - times are `INTEGER` milliseconds since 1970-01-01T00:00:00Z (read them with
///   `datetime(importedAt / 1000, 'unixepoch')`): exact round trips, and cheap to write;
/// - singular camelCase table names; foreign keys, indexed on the referencing columns where a
///   parent row can be deleted (`dataset.importRun` is not: import runs are never deleted, and an
///   index there would cost every insert).
enum CatalogueSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in migrations {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// The migrations in the order they apply. Released entries are frozen.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-create-node", createNode),
        ("v1-create-importRun", createImportRun),
        ("v1-create-dataset", createDataset),
        ("v1-create-unmappedValue", createUnmappedValue),
        ("v2-node-country", addNodeCountry),
        ("v2-create-harvestRun", createHarvestRun),
        ("v2-create-harvestWarning", createHarvestWarning),
        ("v2-create-harvestState", createHarvestState),
        ("v3-create-vocabulary", createVocabulary),
        ("v3-create-normalisationProbe", createNormalisationProbe),
        ("v4-create-catalogueIdentity", createCatalogueIdentity),
        ("v4-create-indexOutbox", createIndexOutbox),
        ("v4-harvestRun-held", harvestRunHeld),
        ("v5-create-apiToken", createAPIToken),
        ("v6-create-subject", createSubject),
        ("v6-create-subjectImport", createSubjectImport),
    ]

    /// A data node: created by its first import, named by a curator if at all.
    static let createNode = """
        CREATE TABLE node (
            id TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
            name TEXT CHECK (name <> ''),
            createdAt INTEGER NOT NULL
        ) STRICT;
        """

    /// One call that imported a node's records. `source` is null when the records came from
    /// several sources (each dataset row keeps its own).
    static let createImportRun = """
        CREATE TABLE importRun (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL REFERENCES node(id),
            source TEXT,
            startedAt INTEGER NOT NULL,
            finishedAt INTEGER NOT NULL,
            insertedCount INTEGER NOT NULL CHECK (insertedCount >= 0),
            updatedCount INTEGER NOT NULL CHECK (updatedCount >= 0),
            unchangedCount INTEGER NOT NULL CHECK (unchangedCount >= 0),
            CHECK (finishedAt >= startedAt)
        ) STRICT;
        CREATE INDEX importRun_on_node ON importRun(node);
        """

    /// One dataset of one node: the raw record as harvested and its normalised form, both as JSON,
    /// with the raw record's content hash and its provenance. `iri` and `title` are copies taken
    /// from the records for SQL users (a curator's ad-hoc query); the JSON is the source of truth.
    static let createDataset = """
        CREATE TABLE dataset (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL REFERENCES node(id),
            identifier TEXT NOT NULL CHECK (identifier <> ''),
            iri TEXT,
            title TEXT NOT NULL,
            raw TEXT NOT NULL CHECK (substr(raw, 1, 1) = '{'),
            normalised TEXT NOT NULL CHECK (substr(normalised, 1, 1) = '{'),
            contentHash TEXT NOT NULL CHECK (length(contentHash) = 64),
            source TEXT NOT NULL,
            importedAt INTEGER NOT NULL,
            importRun INTEGER NOT NULL REFERENCES importRun(id),
            UNIQUE (node, identifier)
        ) STRICT;
        """

    /// The values of a dataset's normalised record that mapped to no concept: the curators' queue.
    /// Rows live and die with their dataset (`ON DELETE CASCADE`); an import that replaces a
    /// dataset replaces them too.
    static let createUnmappedValue = """
        CREATE TABLE unmappedValue (
            node TEXT NOT NULL,
            datasetIdentifier TEXT NOT NULL,
            field TEXT NOT NULL CHECK (field <> ''),
            value TEXT NOT NULL,
            PRIMARY KEY (node, datasetIdentifier, field, value),
            FOREIGN KEY (node, datasetIdentifier) REFERENCES dataset(node, identifier)
                ON DELETE CASCADE ON UPDATE CASCADE
        ) STRICT, WITHOUT ROWID;
        """

    /// The node's country (ISO 3166-1 alpha-2), from the federation configuration.
    static let addNodeCountry = """
        ALTER TABLE node ADD COLUMN country TEXT CHECK (country IS NULL OR length(country) = 2);
        """

    /// Every harvest run of a node, complete or not. Only a complete run wrote records, through
    /// the import run it names; a partial or failed one carries its reason in `error`.
    static let createHarvestRun = """
        CREATE TABLE harvestRun (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL REFERENCES node(id),
            endpoint TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'failed')),
            startedAt INTEGER NOT NULL,
            finishedAt INTEGER NOT NULL,
            pages INTEGER NOT NULL CHECK (pages >= 0),
            pagesNotModified INTEGER NOT NULL CHECK (pagesNotModified >= 0),
            listedCount INTEGER NOT NULL CHECK (listedCount >= 0),
            insertedCount INTEGER NOT NULL CHECK (insertedCount >= 0),
            updatedCount INTEGER NOT NULL CHECK (updatedCount >= 0),
            unchangedCount INTEGER NOT NULL CHECK (unchangedCount >= 0),
            withdrawnCount INTEGER NOT NULL CHECK (withdrawnCount >= 0),
            failedCount INTEGER NOT NULL CHECK (failedCount >= 0),
            error TEXT,
            importRun INTEGER REFERENCES importRun(id),
            CHECK (finishedAt >= startedAt),
            CHECK ((status = 'complete') = (error IS NULL)),
            CHECK (status = 'complete' OR importRun IS NULL)
        ) STRICT;
        CREATE INDEX harvestRun_on_node ON harvestRun(node, id);
        """

    /// The typed warnings of a run, per record, in the order they were found.
    static let createHarvestWarning = """
        CREATE TABLE harvestWarning (
            run INTEGER NOT NULL REFERENCES harvestRun(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            kind TEXT NOT NULL CHECK (kind <> ''),
            dataset TEXT NOT NULL,
            property TEXT,
            detail TEXT NOT NULL,
            PRIMARY KEY (run, position)
        ) STRICT, WITHOUT ROWID;
        """

    /// What the last complete run learnt about a node's pages (validators for conditional
    /// requests, links and identifiers per page), as the harvester's own JSON.
    static let createHarvestState = """
        CREATE TABLE harvestState (
            node TEXT NOT NULL PRIMARY KEY REFERENCES node(id),
            pages TEXT NOT NULL CHECK (substr(pages, 1, 1) = '['),
            savedAt INTEGER NOT NULL
        ) STRICT;
        """

    /// The curated vocabularies as the catalogue holds them (the source of truth once seeded from
    /// `Vocabularies/`), and every change set curators made, with what it touched before and after.
    /// `before`/`after` are JSON arrays of the touched concepts; a concept absent from `before`
    /// was created by the change, one absent from `after` was removed (by an undo).
    static let createVocabulary = """
        CREATE TABLE vocabularyConcept (
            iri TEXT NOT NULL PRIMARY KEY CHECK (iri <> ''),
            scheme TEXT NOT NULL CHECK (scheme <> ''),
            position INTEGER NOT NULL,
            concept TEXT NOT NULL CHECK (substr(concept, 1, 1) = '{')
        ) STRICT;
        CREATE TABLE vocabularyChange (
            id INTEGER PRIMARY KEY,
            author TEXT NOT NULL CHECK (author <> ''),
            createdAt INTEGER NOT NULL,
            reason TEXT NOT NULL CHECK (reason <> ''),
            kind TEXT NOT NULL CHECK (kind <> ''),
            summary TEXT NOT NULL,
            edit TEXT,
            before TEXT NOT NULL CHECK (substr(before, 1, 1) = '['),
            after TEXT NOT NULL CHECK (substr(after, 1, 1) = '['),
            reverts INTEGER REFERENCES vocabularyChange(id),
            revertedBy INTEGER REFERENCES vocabularyChange(id),
            datasetsRenormalised INTEGER NOT NULL DEFAULT 0 CHECK (datasetsRenormalised >= 0)
        ) STRICT;
        """

    /// What each dataset's normalisation looked up (labels, codes, IRIs, concepts; see the
    /// normaliser's `ProbeKey`): a vocabulary edit re-normalises exactly the datasets that looked
    /// up a key whose answer it changed. Keys are interned, as most repeat across datasets.
    static let createNormalisationProbe = """
        CREATE TABLE normalisationKey (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE CHECK (key <> '')
        ) STRICT;
        CREATE TABLE normalisationProbe (
            key INTEGER NOT NULL REFERENCES normalisationKey(id),
            dataset INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            PRIMARY KEY (key, dataset)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX normalisationProbe_on_dataset ON normalisationProbe(dataset);
        """

    /// One row naming this catalogue: the search index records it, so an index that belongs to
    /// another catalogue (a copied or restored file) is recognised and rebuilt.
    static let createCatalogueIdentity = """
        CREATE TABLE catalogueIdentity (
            singleton INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
            id TEXT NOT NULL CHECK (length(id) = 36)
        ) STRICT;
        INSERT INTO catalogueIdentity (singleton, id) VALUES (1, lower(
            substr(hex(randomblob(4)), 1) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-'
            || hex(randomblob(2)) || '-' || hex(randomblob(6))));
        """

    /// The search index's to-do list, written by the same transaction as the records it derives
    /// from: triggers on `dataset` record every key whose document must be rewritten (`facetsOnly`
    /// when only the normalised record changed, as after a vocabulary edit) or deleted (the row
    /// is gone). The index applies entries in `seq` order and records the last one applied in its
    /// own metadata, in the same Xapian commit; applied entries are then deleted. `AUTOINCREMENT`
    /// because `seq` must never be reused once entries are deleted. Triggers rather than code in
    /// every write path, so that no write can forget it.
    static let createIndexOutbox = """
        CREATE TABLE indexOutbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            node TEXT NOT NULL,
            identifier TEXT NOT NULL,
            facetsOnly INTEGER NOT NULL CHECK (facetsOnly IN (0, 1))
        ) STRICT;
        CREATE TRIGGER dataset_outbox_insert AFTER INSERT ON dataset BEGIN
            INSERT INTO indexOutbox (node, identifier, facetsOnly) VALUES (NEW.node, NEW.identifier, 0);
        END;
        CREATE TRIGGER dataset_outbox_update AFTER UPDATE OF raw, normalised, contentHash ON dataset
        WHEN OLD.contentHash IS NOT NEW.contentHash OR OLD.normalised IS NOT NEW.normalised BEGIN
            INSERT INTO indexOutbox (node, identifier, facetsOnly)
            VALUES (NEW.node, NEW.identifier, OLD.contentHash IS NEW.contentHash);
        END;
        CREATE TRIGGER dataset_outbox_rekey AFTER UPDATE OF node, identifier ON dataset
        WHEN OLD.node IS NOT NEW.node OR OLD.identifier IS NOT NEW.identifier BEGIN
            INSERT INTO indexOutbox (node, identifier, facetsOnly) VALUES (OLD.node, OLD.identifier, 0);
            INSERT INTO indexOutbox (node, identifier, facetsOnly) VALUES (NEW.node, NEW.identifier, 0);
        END;
        CREATE TRIGGER dataset_outbox_delete AFTER DELETE ON dataset BEGIN
            INSERT INTO indexOutbox (node, identifier, facetsOnly) VALUES (OLD.node, OLD.identifier, 0);
        END;
        INSERT INTO indexOutbox (node, identifier, facetsOnly) SELECT node, identifier, 0 FROM dataset;
        """

    /// A run whose result is implausible (it lists no dataset of a node that had some, or would
    /// withdraw more than the node's `max_withdraw` share) is `held`: stored with its reason and
    /// the withdrawals it would make, changing nothing until an operator accepts them. SQLite
    /// cannot change a `CHECK`, so the table is rebuilt (SQLite's documented procedure; GRDB runs
    /// migrations with foreign keys checked at the end).
    static let harvestRunHeld = """
        CREATE TABLE harvestRun_v4 (
            id INTEGER PRIMARY KEY,
            node TEXT NOT NULL REFERENCES node(id),
            endpoint TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('complete', 'partial', 'failed', 'held')),
            startedAt INTEGER NOT NULL,
            finishedAt INTEGER NOT NULL,
            pages INTEGER NOT NULL CHECK (pages >= 0),
            pagesNotModified INTEGER NOT NULL CHECK (pagesNotModified >= 0),
            listedCount INTEGER NOT NULL CHECK (listedCount >= 0),
            insertedCount INTEGER NOT NULL CHECK (insertedCount >= 0),
            updatedCount INTEGER NOT NULL CHECK (updatedCount >= 0),
            unchangedCount INTEGER NOT NULL CHECK (unchangedCount >= 0),
            withdrawnCount INTEGER NOT NULL CHECK (withdrawnCount >= 0),
            failedCount INTEGER NOT NULL CHECK (failedCount >= 0),
            error TEXT,
            importRun INTEGER REFERENCES importRun(id),
            CHECK (finishedAt >= startedAt),
            CHECK ((status = 'complete') = (error IS NULL)),
            CHECK (status = 'complete' OR importRun IS NULL)
        ) STRICT;
        INSERT INTO harvestRun_v4 SELECT * FROM harvestRun;
        DROP TABLE harvestRun;
        ALTER TABLE harvestRun_v4 RENAME TO harvestRun;
        CREATE INDEX harvestRun_on_node ON harvestRun(node, id);
        CREATE TABLE heldWithdrawal (
            run INTEGER NOT NULL REFERENCES harvestRun(id) ON DELETE CASCADE,
            identifier TEXT NOT NULL CHECK (identifier <> ''),
            PRIMARY KEY (run, identifier)
        ) STRICT, WITHOUT ROWID;
        """
}

extension CatalogueSchema {
    /// Subjects of a dataset (node mode): the pseudonym (never the node's id of the subject), the
    /// raw values (to re-normalise after a vocabulary edit) and the normalised ones. Lists are
    /// stored as their values joined by U+001F (no value holds it). They live and die with their
    /// dataset row.
    static let createSubject = """
        CREATE TABLE subject (
            datasetRow INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            pseudonym TEXT NOT NULL CHECK (length(pseudonym) = 64),
            rawSex TEXT,
            age INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 130),
            rawDiagnoses TEXT NOT NULL,
            rawModalities TEXT NOT NULL,
            rawBodySites TEXT NOT NULL,
            sex TEXT,
            ageBand INTEGER CHECK (ageBand IS NULL OR ageBand BETWEEN 0 AND 90),
            cancerTypes TEXT NOT NULL,
            modalities TEXT NOT NULL,
            bodySites TEXT NOT NULL,
            PRIMARY KEY (datasetRow, pseudonym)
        ) STRICT, WITHOUT ROWID;
        """

    /// One import of a dataset's subjects: the file's hash (the same file again changes nothing),
    /// its name and the number of subjects. Subject values no concept matched, per field, with the
    /// number of subjects that carry them — the curators see values and counts, never subjects.
    /// `subjectRevision` counts changes to subjects, so a cohort index can tell it is behind.
    static let createSubjectImport = """
        CREATE TABLE subjectImport (
            datasetRow INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
            subjects INTEGER NOT NULL CHECK (subjects > 0),
            source TEXT NOT NULL,
            importedAt INTEGER NOT NULL,
            contentHash TEXT NOT NULL CHECK (length(contentHash) = 64)
        ) STRICT;
        CREATE TABLE subjectUnmappedValue (
            datasetRow INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
            field TEXT NOT NULL CHECK (field <> ''),
            value TEXT NOT NULL,
            subjects INTEGER NOT NULL CHECK (subjects > 0),
            PRIMARY KEY (datasetRow, field, value)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE subjectRevision (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL
        ) STRICT;
        INSERT INTO subjectRevision (id, revision) VALUES (1, 0);
        CREATE TRIGGER subjectImport_deleted AFTER DELETE ON subjectImport
        BEGIN UPDATE subjectRevision SET revision = revision + 1; END;
        """
}

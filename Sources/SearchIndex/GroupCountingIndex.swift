import Foundation
internal import CXapian

/// A Xapian database of documents made of boolean terms, one group and one 64-bit key, counted
/// per group in one exact pass with a per-group wrapping sum of the keys. The cohort index is
/// one: a document per subject, the dataset as its group, the subject's cell-key share as key.
/// Not `Sendable`: Xapian objects stay on the thread that opened them.
public final class GroupCountingIndex {
    public enum Mode: Sendable {
        case readOnly, readWrite, overwrite, inMemory

        var database: XapianDatabase.Mode {
            switch self {
            case .readOnly: .readOnly
            case .readWrite: .readWrite
            case .overwrite: .overwrite
            case .inMemory: .inMemory
            }
        }
    }

    /// One document: `uniqueTerm` identifies it (a replace overwrites the document with the same
    /// one); `terms` are what filters match.
    public struct Document: Sendable, Equatable {
        public var uniqueTerm: String
        public var terms: [String]
        public var group: String
        public var key: UInt64

        public init(uniqueTerm: String, terms: [String], group: String, key: UInt64) {
            self.uniqueTerm = uniqueTerm
            self.terms = terms
            self.group = group
            self.key = key
        }
    }

    /// The matches of one group: how many, and the wrapping sum of their keys.
    public struct GroupCount: Sendable, Equatable {
        public var group: String
        public var count: Int
        public var keySum: UInt64
    }

    static let groupSlot: UInt32 = 0
    static let keySlot: UInt32 = 1

    private let database: XapianDatabase

    private init(database: XapianDatabase) {
        self.database = database
    }

    public static func open(at path: String, mode: Mode) throws -> GroupCountingIndex {
        GroupCountingIndex(database: try XapianDatabase(path: path, mode: mode.database, valueBackedFilters: []))
    }

    public var documentCount: Int { get throws { try database.documentCount } }

    /// Adds `document`, or replaces the one with its unique term.
    public func replace(_ document: Document) throws { try write(document, lookingUpItsUniqueTerm: true) }

    /// Adds `document` without looking for one with its unique term: only for documents the index
    /// cannot hold yet (their dataset's documents were just deleted, or the index is new) — the
    /// look-up is most of the cost of writing a small document into a large index.
    public func add(_ document: Document) throws { try write(document, lookingUpItsUniqueTerm: false) }

    private func write(_ document: Document, lookingUpItsUniqueTerm replacing: Bool) throws {
        let values = [document.group, Self.hex(document.key)]
        try CStrings.with(document.terms) { termPointers in
            try CStrings.with(values) { valuePointers in
                let slots = [Self.groupSlot, Self.keySlot]
                let lengths = values.map(\.utf8.count)
                try slots.withUnsafeBufferPointer { slotBuffer in
                    try lengths.withUnsafeBufferPointer { lengthBuffer in
                        try document.uniqueTerm.withCString { unique in
                            var spec = cx_document_spec(
                                unique_term: unique, boolean_terms: termPointers, boolean_term_count: document.terms.count,
                                texts: nil, text_count: 0, text_weights: nil,
                                value_slots: slotBuffer.baseAddress, values: valuePointers,
                                value_lengths: lengthBuffer.baseAddress, value_count: 2, data: "", data_length: 0)
                            try XapianCall.check("index document") {
                                replacing ? cx_database_replace(database.handle, &spec, $0) : cx_database_add(database.handle, &spec, $0)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Deletes every document carrying `term` (a unique term, or a term many documents share).
    public func delete(documentsWith term: String) throws { try database.delete(uniqueTerm: term) }

    public func commit() throws { try database.commit() }
    public func reopen() throws { try database.reopen() }
    public func setMetadata(_ key: String, _ value: String) throws { try database.setMetadata(key, value) }
    public func metadata(_ key: String) throws -> String { try database.metadata(key) }

    /// The documents matching every group of `filters` (a document matches a group when it
    /// carries any of its terms; no groups: every document), counted per group value.
    public func count(matching filters: [[String]]) throws -> [GroupCount] {
        let terms = filters.flatMap { $0 }
        let groups = filters.enumerated().flatMap { index, group in Array(repeating: UInt32(index), count: group.count) }
        let result = try CStrings.with(terms) { termPointers in
            try groups.withUnsafeBufferPointer { groupBuffer in
                try XapianCall.value("count per group") { error in
                    cx_database_grouped_count(database.handle, termPointers, groupBuffer.baseAddress, terms.count,
                                              Self.groupSlot, Self.keySlot, error)
                }
            }
        }
        defer { cx_grouped_count_free(result) }
        return (0..<cx_grouped_count_size(result)).map { index in
            var length = 0
            var count: UInt32 = 0
            var keySum: UInt64 = 0
            let pointer = cx_grouped_count_group(result, index, &length, &count, &keySum)!
            let group = String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
            return GroupCount(group: group, count: Int(count), keySum: keySum)
        }
    }

    static func hex(_ key: UInt64) -> String {
        let digits = String(key, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

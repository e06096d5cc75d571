import Foundation

/// One stored change set of the vocabularies: who, when, why, what it touched before and after.
public struct VocabularyChangeRecord: Codable, Hashable, Sendable, CustomStringConvertible {
    public var id: Int
    public var author: String
    public var createdAt: Date
    public var reason: String
    /// `load` (the initial vocabularies), an edit's kind (`add-label`, `map`, …), `undo` or `import`.
    public var kind: String
    /// One line saying what changed.
    public var summary: String
    /// The edit, for a change made by one curator operation.
    public var edit: VocabularyEdit?
    /// The touched concepts as they were; a concept missing here was created by the change.
    public var before: [Concept]
    /// The touched concepts as the change left them; a concept missing here was removed.
    public var after: [Concept]
    /// The change this one undid.
    public var reverts: Int?
    /// The change that undid this one.
    public var revertedBy: Int?
    /// How many datasets were re-normalised because of it.
    public var datasetsRenormalised: Int

    public init(
        id: Int, author: String, createdAt: Date, reason: String, kind: String, summary: String,
        edit: VocabularyEdit?, before: [Concept], after: [Concept], reverts: Int? = nil, revertedBy: Int? = nil,
        datasetsRenormalised: Int = 0
    ) {
        self.id = id
        self.author = author
        self.createdAt = createdAt
        self.reason = reason
        self.kind = kind
        self.summary = summary
        self.edit = edit
        self.before = before
        self.after = after
        self.reverts = reverts
        self.revertedBy = revertedBy
        self.datasetsRenormalised = datasetsRenormalised
    }

    /// IRIs of every concept the change touched.
    public var touched: Set<String> { Set(before.map(\.iri) + after.map(\.iri)) }

    public var description: String { "#\(id) \(kind) by \(author): \(summary)" }
}

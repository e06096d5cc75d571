/// What importing a SKOS file would change, concept by concept: shown before it is applied.
public struct VocabularyDiff: Codable, Hashable, Sendable {
    public struct ConceptChange: Codable, Hashable, Sendable {
        public var concept: String
        public var label: String
        /// Readable lines: `+ altLabel "NSCLC"@en`, `- broader <…>`.
        public var lines: [String]
        public init(concept: String, label: String, lines: [String]) {
            self.concept = concept
            self.label = label
            self.lines = lines
        }
    }

    public var added: [ConceptChange]
    public var changed: [ConceptChange]
    public var unchanged: Int

    public init(added: [ConceptChange], changed: [ConceptChange], unchanged: Int) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
    }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty }
}

/// One line of a vocabulary shown as a tree: the concept and how deep it sits.
///
/// A concept with several broader concepts (polyhierarchy) appears once under each of them.
public struct ConceptTreeRow: Codable, Hashable, Sendable {
    public var scheme: ConceptScheme
    public var depth: Int
    public var concept: ConceptView

    public init(scheme: ConceptScheme, depth: Int, concept: ConceptView) {
        self.scheme = scheme
        self.depth = depth
        self.concept = concept
    }
}

/// A namespace prefix a serialisation declares (`@prefix dcat: <http://www.w3.org/ns/dcat#>`,
/// `xmlns:dcat`, a JSON-LD context entry), so the written document reads like the profiles' examples.
public struct RDFPrefix: Hashable, Sendable {
    public var prefix: String
    public var namespace: String

    public init(_ prefix: String, _ namespace: String) {
        self.prefix = prefix
        self.namespace = namespace
    }

    /// `prefix:local` for an IRI in this namespace whose local part a compact IRI can carry
    /// (letters, digits, `_`, `-`, `.`; not starting with `-` or `.`); nil otherwise.
    func compact(_ iri: String) -> String? {
        guard iri.hasPrefix(namespace), iri.count > namespace.count else { return nil }
        let local = iri.dropFirst(namespace.count)
        guard let first = local.unicodeScalars.first, first != "-", first != ".", local.last != ".",
              local.unicodeScalars.allSatisfy(Self.isLocalNameScalar) else { return nil }
        return prefix + ":" + local
    }

    private static func isLocalNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": true
        default: false
        }
    }
}

/// A per-dataset count that is safe to publish: either a released value or "fewer than 10".
///
/// Why a struct with private storage rather than a public enum: a public enum case
/// would let any caller write `.value(7)`. Only `DisclosurePolicy` may create
/// these, so the initialisers are internal and the public surface is read-only.
/// Decoding is public because the hub must read nodes' answers, and so it
/// validates: a decoded value is held to the same shape the policy produces.
public struct ProtectedCount: Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case released(Int)
        case fewerThanThreshold
    }

    private let kind: Kind

    private init(kind: Kind) {
        self.kind = kind
    }

    /// A released value; the policy guarantees it is a multiple of 10 and at least 10.
    init(released value: Int) {
        precondition(Self.isReleasable(value), "not a releasable value: \(value)")
        self.init(kind: .released(value))
    }

    /// The suppressed answer, "<10".
    static let fewerThanThreshold = ProtectedCount(kind: .fewerThanThreshold)

    /// The released value, or nil when the count is suppressed.
    public var releasedValue: Int? {
        guard case .released(let value) = kind else { return nil }
        return value
    }

    /// True when the answer is "<10".
    public var isSuppressed: Bool {
        kind == .fewerThanThreshold
    }

    /// "80" or "<10".
    public var description: String {
        releasedValue.map(String.init) ?? "<\(DisclosurePolicy.threshold)"
    }

    /// Whether `value` has the shape of a released count: a multiple of the rounding base, ≥ k.
    static func isReleasable(_ value: Int) -> Bool {
        value >= DisclosurePolicy.threshold && value % DisclosurePolicy.roundingBase == 0
    }
}

extension ProtectedCount: Codable {
    private enum CodingKeys: String, CodingKey {
        case value
        case lessThan
    }

    /// Accepts any key name, so that unknown or extra keys can be detected and rejected.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{"value": 80}` or `{"lessThan": 10}`, and nothing else.
    public init(from decoder: any Decoder) throws {
        try Self.requireSingleKey(in: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.value) {
            self = try Self.decodeReleased(from: container)
        } else if container.contains(.lessThan) {
            self = try Self.decodeSuppressed(from: container)
        } else {
            throw Self.corrupted(decoder, "expected key \"value\" or \"lessThan\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .released(let value):
            try container.encode(value, forKey: .value)
        case .fewerThanThreshold:
            try container.encode(DisclosurePolicy.threshold, forKey: .lessThan)
        }
    }

    private static func requireSingleKey(in decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).sorted()
        guard keys.count == 1 else {
            throw corrupted(decoder, "expected exactly one key (\"value\" or \"lessThan\"), found \(keys.count): \(keys)")
        }
    }

    private static func decodeReleased(from container: KeyedDecodingContainer<CodingKeys>) throws -> ProtectedCount {
        let value = try container.decode(Int.self, forKey: .value)
        guard isReleasable(value) else {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: container,
                debugDescription: "value \(value) is not a positive multiple of \(DisclosurePolicy.roundingBase) that is ≥ \(DisclosurePolicy.threshold)"
            )
        }
        return ProtectedCount(released: value)
    }

    private static func decodeSuppressed(from container: KeyedDecodingContainer<CodingKeys>) throws -> ProtectedCount {
        let bound = try container.decode(Int.self, forKey: .lessThan)
        guard bound == DisclosurePolicy.threshold else {
            throw DecodingError.dataCorruptedError(
                forKey: .lessThan, in: container,
                debugDescription: "lessThan must be exactly \(DisclosurePolicy.threshold), got \(bound)"
            )
        }
        return .fewerThanThreshold
    }

    private static func corrupted(_ decoder: any Decoder, _ message: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: message))
    }
}

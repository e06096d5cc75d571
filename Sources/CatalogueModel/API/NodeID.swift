/// Rules for node identifiers, which appear in filters, file names and URLs.
public enum NodeID {
    /// 1–64 characters from letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    public static func isValid(_ id: String) -> Bool {
        guard (1...64).contains(id.count), let first = id.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return id.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

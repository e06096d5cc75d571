import Foundation

/// The one function that keeps the userinfo of a URL (`user:password@`) out of everything stored
/// or printed: run endpoints, page reports, errors, redirect targets. Credentials belong in the
/// environment (`credentials = { env = "VAR", scheme = "basic" }`), never in a URL, and a URL that
/// carries them anyway shows `***` in their place.
public enum URLRedaction {
    /// The text with the userinfo of every `scheme://user:password@host` in it replaced by `***`:
    /// `https://user:pw@host/x` → `https://***@host/x`. Text without userinfo is returned as is.
    public static func redacted(_ text: String) -> String {
        guard text.contains("://"), text.contains("@") else { return text }
        var result = ""
        var rest = Substring(text)
        while let separator = rest.range(of: "://") {
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            // The authority ends at the path, query or fragment, or where the URL itself ends in text.
            let end = rest.firstIndex { "/?#".contains($0) || $0.isWhitespace || "\"'<>()[]{},;".contains($0) } ?? rest.endIndex
            if let at = rest[..<end].lastIndex(of: "@") {
                result += "***"
                rest = rest[at...]
            }
        }
        return result + rest
    }

    /// ``redacted(_:)`` for a URL.
    public static func redacted(_ url: URL) -> URL {
        guard url.user != nil || url.password != nil else { return url }
        return URL(string: redacted(url.absoluteString)) ?? url
    }

    /// Whether `text` holds a URL with userinfo.
    public static func hasUserinfo(_ text: String) -> Bool { redacted(text) != text }
}

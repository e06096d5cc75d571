import Foundation

/// Refuses pages that are plainly not what the node's protocol serves, before they are read as
/// data: an HTML page (a maintenance notice, a login form, a proxy's error page answered with
/// status 200) parses to zero datasets in a lenient reader and would look like an empty catalogue.
enum PageContentCheck {
    /// Why `page` is an HTML document rather than data, or nil. A media type configured for the
    /// node wins over the server's `Content-Type`, as it does for choosing the parser.
    static func htmlReason(_ page: FetchedPage, mediaTypeOverride: String?) -> String? {
        if mediaTypeOverride == nil, let type = page.contentType.map(baseType), htmlTypes.contains(type) {
            return "an HTML page (Content-Type \(type)), not the node's metadata: a maintenance, login or error page?"
        }
        return looksLikeHTML(page.body)
            ? "an HTML page (it starts like HTML), not the node's metadata: a maintenance, login or error page?"
            : nil
    }

    static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    private static func baseType(_ contentType: String) -> String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// An HTML document starts (after a byte-order mark, white space, an XML declaration and
    /// comments) with `<!DOCTYPE html` or `<html`.
    static func looksLikeHTML(_ body: Data) -> Bool {
        var head = String(decoding: body.prefix(1_024), as: UTF8.self).lowercased()[...]
        while true {
            head = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if head.hasPrefix("<?xml"), let end = head.range(of: "?>") {
                head = head[end.upperBound...]
            } else if head.hasPrefix("<!--"), let end = head.range(of: "-->") {
                head = head[end.upperBound...]
            } else {
                break
            }
        }
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }
}

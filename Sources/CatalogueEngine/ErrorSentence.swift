import Foundation
import Harvesting

/// The one renderer of errors into words, shared by the CLI (`Error: …` on standard error) and
/// the server (a problem document's `detail`), so a mistake reads the same in both.
public enum ErrorSentence {
    /// The sentence for any error: file errors from Foundation as "path …: problem; what to do",
    /// everything else as it describes itself, with Foundation error dumps a lower stage wrapped
    /// into its text rewritten the same way, and URLs without userinfo.
    public static func message(for error: any Error) -> String {
        if let sentence = fileSentence(error) { return URLRedaction.redacted(sentence) }
        return URLRedaction.redacted(rewritingFoundationDumps(String(describing: error)))
    }

    /// A `CocoaError`, `POSIXError` or `NSError` of those domains, as one sentence.
    static func fileSentence(_ error: any Error) -> String? {
        let bridged = error as NSError
        guard error is CocoaError || error is POSIXError
            || bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain else { return nil }
        let problem = FileProblem(error)
        guard let path = FileProblem.path(of: error) else { return "\(problem.phrase)" + (problem.advice.map { "; \($0)" } ?? "") }
        return problem.sentence(path: path)
    }

    /// `Error Domain=NSCocoaErrorDomain Code=516 "…" UserInfo={…NSFilePath=/x…}` inside a message
    /// (an error turned into text before it reached here) becomes `path /x: already exists; …`.
    static func rewritingFoundationDumps(_ text: String) -> String {
        guard text.contains("Error Domain=") else { return text }
        let pattern = #"Error Domain=(NSCocoaErrorDomain|NSPOSIXErrorDomain) Code=(-?\d+) "(?:[^"\\]|\\.)*"\s*(?:UserInfo=\{(.*)\})?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        var result = text
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            guard let whole = Range(match.range, in: text), let domain = Range(match.range(at: 1), in: text),
                  let code = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) }) else { continue }
            let userInfo = Range(match.range(at: 3), in: text).map { String(text[$0]) } ?? ""
            var info: [String: Any] = [:]
            if let path = userInfo.range(of: #"NSFilePath=[^,}]+"#, options: .regularExpression) {
                info[NSFilePathErrorKey] = String(userInfo[path].dropFirst("NSFilePath=".count))
            }
            let error = NSError(domain: String(text[domain]), code: code, userInfo: info)
            guard let sentence = fileSentence(error) else { continue }
            result.replaceSubrange(whole, with: sentence)
        }
        return result
    }
}

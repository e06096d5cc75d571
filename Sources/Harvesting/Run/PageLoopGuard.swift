import Crypto
import Foundation

/// Remembers which pages a run has read, by URL and by content, so a paging loop ends the run
/// instead of running until memory is gone (ckanext-dcat only remembers the first page's hash).
struct PageLoopGuard {
    private var visitedURLs = Set<String>()
    private var contentHashes: [Data: String] = [:]

    /// Marks `url` as read; false when it was read before.
    mutating func visit(_ url: String) -> Bool {
        visitedURLs.insert(Self.canonical(url)).inserted
    }

    func wasVisited(_ url: String) -> Bool { visitedURLs.contains(Self.canonical(url)) }

    func hasSeen(_ body: Data) -> Bool { contentHashes[Data(SHA256.hash(data: body))] != nil }

    /// Records a page body; returns the URL of an earlier page with the same content, if any.
    mutating func earlierPage(withContentOf body: Data, url: String) -> String? {
        let hash = Data(SHA256.hash(data: body))
        if let earlier = contentHashes[hash] { return earlier }
        contentHashes[hash] = url
        return nil
    }

    /// Fragments never select another page.
    private static func canonical(_ url: String) -> String {
        url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
    }
}

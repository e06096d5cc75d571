import Harvesting
import Testing
@testable import CatalogueEngine

@Suite("Parallel maps")
struct ParallelMapTests {
    /// On a background thread (a server's writer) the chunks run on background threads too; the
    /// result is the plain map's, in order (a server harvest once trapped here).
    @Test func aParallelMapOnABackgroundThreadGivesThePlainMapInOrder() async {
        let numbers = Array(0..<5_000)
        let doubled = await BackgroundThread.run { numbers.parallelMap { $0 * 2 } }
        #expect(doubled == numbers.map { $0 * 2 })
        #expect(numbers.parallelMap { $0 + 1 } == numbers.map { $0 + 1 })
    }
}

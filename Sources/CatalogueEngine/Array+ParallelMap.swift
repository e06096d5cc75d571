import Dispatch
import Foundation
import Harvesting

extension Array where Element: Sendable {
    /// `map` on every core, in order: for pure per-record work (normalising, building index
    /// documents) that would otherwise leave the second core idle while the first waits. Called
    /// from a background thread (a server's writer), the chunks run at its lower priority too.
    func parallelMap<T: Sendable>(minimumPerChunk: Int = 256, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerChunk))
        guard chunks > 1 else { return map(transform) }
        let chunkSize = (count + chunks - 1) / chunks
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own indices; the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let output = buffer
            // `transform` is escaping: a background thread's closure may outlive this call by the
            // moment the thread takes to exit (the chunks are all done before it returns).
            let work: @Sendable (Int) -> Void = { chunk in
                for index in (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize) {
                    output[index] = transform(self[index])
                }
            }
            if BackgroundThread.isCurrent {
                BackgroundThread.concurrentPerform(iterations: chunks, work)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
            }
        }
        return results.map { $0! }
    }
}

import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, in order: for pure per-record work (normalising, building index
    /// documents) that would otherwise leave the second core idle while the first waits.
    func parallelMap<T: Sendable>(minimumPerChunk: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / minimumPerChunk))
        guard chunks > 1 else { return map(transform) }
        let chunkSize = (count + chunks - 1) / chunks
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own indices; the buffer outlives `concurrentPerform`.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize) {
                    output[index] = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}

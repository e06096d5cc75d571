import CatalogueModel
import Dispatch
import Foundation

/// The JSON of one import batch, encoded on every core before the batch is written.
///
/// Encoding is nearly a third of an import's CPU time and needs nothing from the database, so it runs
/// in parallel while the writer waits, and the write loop only binds strings. A raw record is
/// encoded only when it will be written (new or changed); an unchanged one needs just its
/// normalised JSON, to compare with the stored one.
struct EncodedBatch {
    private(set) var normalised: [String]
    private(set) var raw: [String?]

    /// Below this many records per core, threads cost more than they save.
    private static let minimumPerChunk = 64

    init(_ records: [CatalogueRecord], writesRaw: [Bool], coder: RecordCoder) {
        precondition(writesRaw.count == records.count)
        let count = records.count
        var normalised = [String](repeating: "", count: count)
        var raw = [String?](repeating: nil, count: count)
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / Self.minimumPerChunk))
        let chunkSize = (count + chunks - 1) / max(chunks, 1)
        normalised.withUnsafeMutableBufferPointer { normalisedBuffer in
            raw.withUnsafeMutableBufferPointer { rawBuffer in
                // Each chunk writes only its own indices of the two buffers, and both buffers
                // outlive `concurrentPerform`, which returns when every chunk is done.
                nonisolated(unsafe) let normalisedOut = normalisedBuffer
                nonisolated(unsafe) let rawOut = rawBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                        normalisedOut[index] = coder.json(records[index].normalised)
                        if writesRaw[index] { rawOut[index] = coder.json(records[index].raw) }
                    }
                }
            }
        }
        self.normalised = normalised
        self.raw = raw
    }
}

import Foundation
import Harvesting

/// A one-line progress bar on standard error for long harvests, redrawn in place; silent when
/// standard error is not a terminal (logs and CI stay clean).
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    static var standardErrorIsTerminal: Bool { isatty(FileHandle.standardError.fileDescriptor) == 1 }

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ progress: HarvestProgress) {
        guard enabled else { return }
        lock.withLock {
            // At most ten redraws a second: a 10,000-page harvest must not spend its time drawing.
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drawn = true
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(label, progress)).utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        }
    }

    static func line(_ label: String, _ progress: HarvestProgress, width: Int = 30) -> String {
        let counts = "\(progress.datasets) datasets, \(progress.pagesRead) pages"
        guard let fraction = progress.fraction else { return "\(label) \(counts)…" }
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(label) \(bar) \(Int((fraction * 100).rounded(.down)))% \(counts)"
    }
}

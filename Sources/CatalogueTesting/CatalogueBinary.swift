import Foundation

/// Runs the built `catalogue` executable, as a person would, and captures what it prints.
public enum CatalogueBinary {
    public struct Run: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The executable beside the test bundle (SwiftPM builds both into the same folder).
    public static var url: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [besideTests, besideTests.deletingLastPathComponent(), ProjectPaths.packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("catalogue")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return ProjectPaths.packageRoot.appendingPathComponent(".build/debug/catalogue")
    }

    /// Runs `catalogue ARGUMENTS` with `--home`-free arguments and the given environment additions.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are drained at once: a child that fills one (thousands of warnings on
        // standard error) while the other is read to its end would block forever.
        let errorBox = Locked(Data())
        let finished = DispatchSemaphore(value: 0)
        let errorHandle = error.fileHandleForReading
        Thread {
            let data = errorHandle.readDataToEndOfFile()
            errorBox.withLock { $0 = data }
            finished.signal()
        }.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        finished.wait()
        let errData = errorBox.withLock { $0 }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

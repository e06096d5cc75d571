import Foundation
#if FUZZING
import CFuzzDriver
#endif

/// What every fuzzer's `@main` calls: libFuzzer's driver in a fuzz build, a short notice otherwise.
///
/// SwiftPM on Linux links an executable with `main` aliased to its own entry point, so libFuzzer's
/// `main` is never used: the target's `@main` hands the command line to `LLVMFuzzerRunDriver`.
/// Built without `-DFUZZING` (the package's normal `swift build`) nothing of libFuzzer is referenced.
public enum FuzzDriver {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

    public static func run(_ name: String, _ callback: Callback) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
        #else
        FileHandle.standardError.write(Data("\(name) is a libFuzzer target: build and run it with scripts/fuzz.sh\n".utf8))
        exit(0)
        #endif
    }

    /// A file of the project (contexts, mappings): relative to `FUZZ_PROJECT_ROOT`, else to the
    /// current directory (scripts/fuzz.sh runs from the project root).
    public static func projectFile(_ relativePath: String) -> URL {
        let root = ProcessInfo.processInfo.environment["FUZZ_PROJECT_ROOT"] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: root).appendingPathComponent(relativePath)
    }

    /// A scratch file for APIs that read from a path, one per process (libFuzzer's `-fork`/`-jobs`
    /// run several), in memory when `/dev/shm` exists.
    public static func scratchFile(_ name: String) -> URL {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return URL(fileURLWithPath: folder).appendingPathComponent("imaging-catalogue-fuzz-\(getpid())-\(name)")
    }

    /// Stops the process so that libFuzzer records the input as a crash: for a broken invariant
    /// that is not a trap by itself (a round trip that does not give the same value back).
    public static func fail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
        FileHandle.standardError.write(Data("fuzz invariant failed: \(message)\n".utf8))
        fatalError(message, file: file, line: line)
    }
}

import ArgumentParser
import CatalogueEngine
import Foundation

/// The one place where errors become what a person reads: `Error: <what and where>` on standard
/// error and exit status 1. Every error the engine throws describes itself without record values.
struct UserFacingError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs `body`, converting any error other than the argument parser's own into a `UserFacingError`.
func withUserFacingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw userFacing(error)
    }
}

/// ``withUserFacingErrors(_:)`` for asynchronous work.
func withUserFacingErrorsAsync<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw userFacing(error)
    }
}

/// The argument parser's own errors and exit codes pass unchanged; anything else becomes one message.
private func userFacing(_ error: any Error) -> any Error {
    if error is ValidationError || error is ExitCode || error is UserFacingError { return error }
    return UserFacingError(message: ErrorSentence.message(for: error))
}

/// Writes a line to standard error (warnings and progress never mix with JSON on standard output).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

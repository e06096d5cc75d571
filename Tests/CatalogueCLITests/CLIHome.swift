import CatalogueTesting
import Foundation

/// A fresh catalogue home in a temporary folder, and the environment that points the executable
/// at it and at the project's vocabularies.
struct CLIHome {
    let folder: URL
    let environment: [String: String]

    init(_ label: String) throws {
        folder = try ProjectPaths.temporaryDirectory(label)
        environment = [
            "CATALOGUE_HOME": folder.appendingPathComponent("home").path,
            "CATALOGUE_VOCABULARIES": ProjectPaths.project("Vocabularies").path,
        ]
    }

    func run(_ arguments: [String]) throws -> CatalogueBinary.Run {
        try CatalogueBinary.run(arguments, environment: environment)
    }
}

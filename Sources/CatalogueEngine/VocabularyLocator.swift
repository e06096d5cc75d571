import Foundation

/// Finds the shipped `Vocabularies/` folder when no location was given (see ``ProjectFileLocator``).
public enum VocabularyLocator {
    public static let folderName = "Vocabularies"

    public static func defaultFolder() throws -> URL {
        guard let found = ProjectFileLocator.find(folderName, directory: true) else {
            throw CatalogueEngineError.vocabulariesNotFound(searched: folderName)
        }
        return found
    }
}

/// Finds the federation's `Harvesters/nodes.toml` when no file was given (see ``ProjectFileLocator``).
public enum FederationLocator {
    public static let relativePath = "Harvesters/nodes.toml"

    public static func defaultFile() throws -> URL {
        guard let found = ProjectFileLocator.find(relativePath, directory: false) else {
            throw CatalogueEngineError.federationNotFound(searched: relativePath)
        }
        return found
    }
}

/// Where the offline JSON-LD contexts ship.
public enum JSONLDContextsLocator {
    public static let relativePath = "Ontologies/jsonld-contexts"
}

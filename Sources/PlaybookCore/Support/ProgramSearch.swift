import Foundation

/// Where an outside program is (Chromium for the PDFs, Pandoc for `import docx`): the path an
/// environment variable names, else the first of its names found in a folder of the `PATH`.
/// Each program's module (its one door) says which variable and names, and words the failure.
package enum ProgramSearch {
    /// Why a program was not found.
    package enum Failure: Error, Equatable, Sendable {
        /// None of the names is an executable file in a folder of the `PATH`, and the variable is not set.
        case notFound
        /// The variable names something that is not an executable file.
        case notExecutable(path: String)
    }

    /// The program's path: `environment[variable]` when set (it must be an executable file),
    /// else the first of `names`, in order, in the first folder of the `PATH` holding it.
    package static func locate(variable: String, names: [String], environment: [String: String]) -> Result<String, Failure> {
        if let named = environment[variable], !named.isEmpty {
            return isExecutable(named) ? .success(named) : .failure(.notExecutable(path: named))
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + name
                if isExecutable(path) { return .success(path) }
            }
        }
        return .failure(.notFound)
    }

    /// Whether `path` is an executable regular file (not a folder).
    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}

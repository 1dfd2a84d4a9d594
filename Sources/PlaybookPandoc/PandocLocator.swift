import Foundation

/// Where the Pandoc program is: `PLAYBOOK_PANDOC`, else `pandoc` on the `PATH`.
package enum PandocLocator {
    /// How to install Pandoc, for the message when it is missing.
    package static let installHint = "install Pandoc (Debian and Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; others: https://pandoc.org/installing.html), or set PLAYBOOK_PANDOC to the program"

    /// The program's path, or why there is none.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, PandocError> {
        if let named = environment["PLAYBOOK_PANDOC"], !named.isEmpty {
            return isExecutable(named) ? .success(named) : .failure(.notExecutable(path: named))
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for folder in folders where !folder.isEmpty {
            let path = folder + "/pandoc"
            if isExecutable(path) { return .success(path) }
        }
        return .failure(.notFound)
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}

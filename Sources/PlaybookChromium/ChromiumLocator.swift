import Foundation

/// Where the Chromium program is: `PLAYBOOK_CHROMIUM`, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` and `google-chrome-stable` on the `PATH`.
package enum ChromiumLocator {
    /// The names looked for on the `PATH`, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The program's path, or why there is none.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, ChromiumError> {
        if let named = environment["PLAYBOOK_CHROMIUM"], !named.isEmpty {
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

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}

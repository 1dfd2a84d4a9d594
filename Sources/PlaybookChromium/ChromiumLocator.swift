import Foundation
import PlaybookCore

/// Where the Chromium program is: `PLAYBOOK_CHROMIUM`, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` and `google-chrome-stable` on the `PATH`.
package enum ChromiumLocator {
    /// The names looked for on the `PATH`, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The program's path, or why there is none.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, ChromiumError> {
        ProgramSearch.locate(variable: "PLAYBOOK_CHROMIUM", names: names, environment: environment).mapError { failure in
            switch failure {
            case .notFound: .notFound
            case .notExecutable(let path): .notExecutable(path: path)
            }
        }
    }
}

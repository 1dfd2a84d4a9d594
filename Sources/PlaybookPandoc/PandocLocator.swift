import Foundation
import PlaybookCore

/// Where the Pandoc program is: `PLAYBOOK_PANDOC`, else `pandoc` on the `PATH`.
package enum PandocLocator {
    /// How to install Pandoc, for the message when it is missing.
    package static let installHint = "install Pandoc (Debian and Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; others: https://pandoc.org/installing.html), or set PLAYBOOK_PANDOC to the program"

    /// The program's path, or why there is none.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, PandocError> {
        ProgramSearch.locate(variable: "PLAYBOOK_PANDOC", names: ["pandoc"], environment: environment).mapError { failure in
            switch failure {
            case .notFound: .notFound
            case .notExecutable(let path): .notExecutable(path: path)
            }
        }
    }
}

import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookKit

/// `playbook check`: every diagnostic, nothing written.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in the project without writing anything.",
        discussion: "Exits with status 0 when there are no errors (warnings allowed) and 1 otherwise."
    )

    @OptionGroup var options: ProjectOptions

    func run() async throws {
        let report = await BuildPipeline.run(BuildOptions(projectRoot: options.root, includeDrafts: options.includeDrafts, writes: false))
        Terminal.printDiagnostics(report.diagnostics)
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { throw ExitCode.failure }
        if report.diagnostics.isEmpty {
            let chapters = report.books.count
            print("No problems in \(chapters) book\(chapters == 1 ? "" : "s").")
        }
    }
}

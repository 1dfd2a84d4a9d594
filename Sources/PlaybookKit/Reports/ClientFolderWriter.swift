import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookWrite

/// The write stage of `playbook report`: each client's report goes into its own folder in the
/// reports folder, swapped in alone as soon as it is made, and is compared with an earlier
/// run's figures when `--compare` asked for it.
struct ClientFolderWriter: Sendable {
    /// The project folder (an output folder must not hold it).
    let projectRoot: URL
    /// The folder that receives one folder per client.
    let output: URL

    /// Writes what the report target of `scenario` made (unless it has errors) and says how it went.
    func write(_ made: TargetOutput, argument: String, scenario: Scenario,
               earlier: (folder: URL, figures: ReportChanges.Earlier)?) async -> ReportOutcome {
        let name = scenario.spec.slug
        var outcome = ReportOutcome(argument: argument, name: name, folder: nil, diagnostics: made.diagnostics)
        let files = made.output.files
        guard !made.diagnostics.hasErrors, !files.isEmpty else { return outcome }
        let folder = output.appendingPathComponent(name)
        if let problem = OutputFolder.problem(output: folder, projectRoot: projectRoot) {
            outcome.diagnostics.append(problem)
            return outcome
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            outcome.diagnostics.append(.error(.writeFailed, "cannot create \(output.path): \(error.localizedDescription)", at: nil))
            return outcome
        }
        if let problem = await OutputWriter(projectRoot: projectRoot, output: folder).write(RenderedOutput(files: files, epubs: [])) {
            outcome.diagnostics.append(problem)
            return outcome
        }
        outcome.folder = folder
        if let earlier, case .text(let json)? = files.first(where: { $0.path == "metrics.json" })?.content {
            outcome.changes = ReportChanges(earlier: earlier.figures, current: json, scenario: scenario)
            outcome.comparedWith = earlier.folder
        }
        return outcome
    }
}

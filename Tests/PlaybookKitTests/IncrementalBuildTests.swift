import Foundation
import PlaybookCore
import PlaybookKit
import Testing
@testable import PlaybookSession
@testable import PlaybookTransform

/// The differential test of incremental rebuilds: seeded random edits (``ProjectEdits``) are
/// made to copies of real projects (the fixture projects that build, and the starter project
/// of `playbook new`), and after every edit the output folder rebuilt through one
/// ``BuildSession`` (as the preview server builds) must equal a fresh build of the same
/// project, byte for byte, every file (EPUBs and reports included). When the project has a
/// mistake, the session's build must print the same diagnostics as a fresh build and leave
/// the previous output as it was. Two sessions build side by side: one is told nothing of what
/// changed (it checks every file, as after a watcher overflow), the other is told the paths
/// each edit wrote, created or deleted (``ProjectEdits/touched``, what the watcher reports) and
/// reads nothing else; both must equal the fresh build at every step.
///
/// A failure prints the project, the seed and the numbered edits, and the first file that
/// differs. To reproduce or explore: `PLAYBOOK_INCREMENTAL_SEED=<seed>` (and
/// `PLAYBOOK_INCREMENTAL_STEPS=<n>`, 26 by default) `swift test --filter IncrementalBuildTests`.
@Suite struct IncrementalBuildTests {
    static let projects = ["basic", "computed", "report", "starter"]

    /// Edits per project.
    static let steps = ProcessInfo.processInfo.environment["PLAYBOOK_INCREMENTAL_STEPS"].flatMap { Int($0) } ?? 26

    /// The seed of a project's edits: fixed, so that the test is deterministic, unless
    /// PLAYBOOK_INCREMENTAL_SEED gives one.
    static func seed(for project: String) -> UInt64 {
        if let given = ProcessInfo.processInfo.environment["PLAYBOOK_INCREMENTAL_SEED"].flatMap({ UInt64($0) }) { return given }
        return 15_000 + UInt64(projects.firstIndex(of: project) ?? 0)
    }

    /// One date for every build, so that EPUBs made at different times can be compared.
    static let sourceDate = Timestamp(secondsSinceEpoch: 1_700_000_000)

    @Test("after every edit, the session's output equals a fresh build", arguments: projects)
    func incrementalEqualsFresh(_ name: String) async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let project = try Self.copy(name, into: temporary.url.appendingPathComponent("project"))
        let seed = Self.seed(for: name)
        var edits = ProjectEdits(root: project, seed: seed)
        // The session told nothing of what changed, and the one told the paths each edit touched.
        let sessions = [(name: "unknown", session: BuildSession()), (name: "known", session: BuildSession())]
        let outputs = sessions.map { temporary.url.appendingPathComponent("incremental-" + $0.name) }
        var log: [String] = []
        var previous = outputs.map { ProjectTree(reading: $0) }
        for step in 0...Self.steps {
            log.append(step == 0 ? "build the project as it is" : edits.step())
            if step > 0 { sessions[1].session.changedPaths = edits.touched }
            var incremental: [BuildReport] = []
            for (session, output) in zip(sessions, outputs) {
                incremental.append(await BuildPipeline.run(BuildOptions(projectRoot: project, output: output, sourceDate: Self.sourceDate,
                                                                        session: session.session)))
            }
            let freshOutput = temporary.url.appendingPathComponent("fresh")
            try? FileManager.default.removeItem(at: freshOutput)
            let fresh = await BuildPipeline.run(BuildOptions(projectRoot: project, output: freshOutput, sourceDate: Self.sourceDate))
            let current = outputs.map { ProjectTree(reading: $0) }
            var problem: String?
            for index in sessions.indices where problem == nil {
                let which = "the session told \(sessions[index].name == "known" ? "the changed paths" : "nothing of what changed")"
                let printed = (incremental: DiagnosticPrinter().format(incremental[index].diagnostics),
                               fresh: DiagnosticPrinter().format(fresh.diagnostics))
                if step == 0 && !fresh.wrote {
                    problem = "the project does not build as it is:\n\(printed.fresh)"
                } else if printed.incremental != printed.fresh {
                    problem = "\(which): the diagnostics differ:\n\(Snapshot.diff(expected: printed.fresh, actual: printed.incremental))"
                } else if fresh.wrote != incremental[index].wrote {
                    problem = "\(which): " + (fresh.wrote ? "the session's build wrote nothing; a fresh build succeeds" : "the session's build wrote; a fresh build fails")
                } else if fresh.wrote, let difference = current[index].firstDifference(from: ProjectTree(reading: freshOutput)) {
                    problem = "\(which): the session's output differs from a fresh build's: \(difference)"
                } else if !fresh.wrote, let difference = current[index].firstDifference(from: previous[index]) {
                    problem = "\(which): the failed build changed the previous output: \(difference)"
                }
            }
            if step > 0 { log[log.count - 1] += " (touched: \(edits.touched.sorted().joined(separator: ", ")))" }
            if let problem {
                let steps = log.enumerated().map { "  \($0.offset). \($0.element)" }.joined(separator: "\n")
                Issue.record(Comment(rawValue: """
                    project '\(name)', seed \(seed) (PLAYBOOK_INCREMENTAL_SEED=\(seed)), step \(step):
                    \(problem)
                    steps:
                    \(steps)
                    """))
                return
            }
            previous = current
        }
    }

    /// A copy of a fixture project (or the starter project, for "starter") at `folder`.
    static func copy(_ name: String, into folder: URL) throws -> URL {
        if name == "starter" {
            _ = try ProjectStarter.write(to: folder, force: false)
        } else {
            let source = Snapshot.fixtures.appendingPathComponent("projects/\(name)/project")
            try FileManager.default.copyItem(at: source, to: folder)
        }
        return folder
    }
}

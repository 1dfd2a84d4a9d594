import Foundation
import PlaybookCore
@testable import PlaybookLoad
import PlaybookScenario
import Testing

/// `playbook report`'s load stage reads each client's files, once, and keeps them rather than
/// the loaded scenario: the scenario is loaded in the client's report job, from those files,
/// and nothing there reads a file again.
@Suite struct ReportClientLoadTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the shipped attribution example (it names a data file) outside the project.
    private func client(in folder: TemporaryFolder) throws -> URL {
        let scenarios = Self.repository.appendingPathComponent("content/scenarios")
        for name in ["attribution-example.yaml", "attribution-example-touchpoints.csv"] {
            try FileManager.default.copyItem(at: scenarios.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        return folder.url.appendingPathComponent("attribution-example.yaml")
    }

    @Test func aClientIsLoadedFromTheFilesLoadReadAndNothingIsReadAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try client(in: folder)
        let (loaded, diagnostics) = await LoadStage.run(root: Self.repository, clients: [file.path], template: nil, currentDirectory: folder.url)
        #expect(diagnostics.isEmpty)
        let clients = try #require(loaded).clients
        #expect(clients.count == 1)
        // What load kept is the files as read, not a loaded scenario.
        guard case .read(let read)? = clients.first?.source else {
            Issue.record("the client was kept loaded")
            return
        }
        #expect(read.file?.path == file.path)
        // The data file, and the branding file beside the scenario (there is none: it is kept as missing).
        #expect(read.dataFiles.keys.sorted() == [folder.url.appendingPathComponent("attribution-example-touchpoints.csv").path,
                                                 folder.url.appendingPathComponent("attribution-example.report.yaml").path])
        // Both files gone: the client is loaded all the same, as ScenarioFiles loaded it from disk.
        let (expected, expectedDiagnostics) = ScenarioFiles.load(file.path, projectRoot: Self.repository, currentDirectory: folder.url)
        try FileManager.default.removeItem(at: file)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("attribution-example-touchpoints.csv"))
        let (scenario, scenarioDiagnostics) = try #require(clients.first).load()
        #expect(DiagnosticPrinter().format(scenarioDiagnostics) == DiagnosticPrinter().format(expectedDiagnostics))
        let loadedScenario = try #require(scenario), expectedScenario = try #require(expected)
        #expect(loadedScenario.spec.slug == "attribution-example")
        for name in expectedScenario.model.slots.keys.sorted() {
            #expect(loadedScenario.value(name) == expectedScenario.value(name), "\(name)")
        }
    }

    /// A data file missing when load reads the client is reported, whole, when the client is loaded.
    @Test func aDataFileMissingAtLoadIsTheLoadersDiagnostic() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try client(in: folder)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("attribution-example-touchpoints.csv"))
        let (loaded, _) = await LoadStage.run(root: Self.repository, clients: [file.path], template: nil, currentDirectory: folder.url)
        let (scenario, diagnostics) = try #require(loaded?.clients.first).load()
        #expect(scenario == nil)
        #expect(DiagnosticPrinter().format(diagnostics) == """
        \(file.path):18:9: error: the attribution data 'attribution-example-touchpoints.csv' cannot be read: there is no such file [missing-file]
          18 |   data: attribution-example-touchpoints.csv
             |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: the path is relative to the scenario file
        \(file.path):30:43: error: there is no input or metric called 'attributed_share' [unknown-name]
          30 | …credit: { formula: order_value * attributed_share, unit: $/order, label: Value of the order credited…
             |                                   ^~~~~~~~~~~~~~~~
        2 errors

        """)
    }
}

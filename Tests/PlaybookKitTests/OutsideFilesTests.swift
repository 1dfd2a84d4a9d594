import Foundation
@testable import PlaybookKit
import PlaybookCore
import Testing
@testable import PlaybookFiles
@testable import PlaybookLoad
@testable import PlaybookTransform
@testable import PlaybookWrite

/// Nothing outside the project reaches what a build publishes: every file a build, a report or
/// `calc` reads is resolved through its links and must lie inside the project, be a regular
/// file and stay under the size limit (``ProjectDirectory``). Each test makes real files and
/// real symbolic links in a temporary folder and compares the printed diagnostics whole.
@Suite struct OutsideFilesTests {
    /// A starter project in `<folder>/project`, and `<folder>/outside` beside it.
    struct Sandbox {
        let folder: TemporaryFolder
        var project: URL { folder.url.appendingPathComponent("project") }
        var outside: URL { folder.url.appendingPathComponent("outside") }

        init() throws {
            folder = try TemporaryFolder()
            _ = try ProjectStarter.write(to: folder.url.appendingPathComponent("project"), force: false)
            try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try "SECRET-OUTSIDE-CONTENT\n".write(to: outside.appendingPathComponent("secret.css"), atomically: true, encoding: .utf8)
            try "conversion,channel,days_before_conversion,value\nSECRET-1,social,3,100\n"
                .write(to: outside.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        }

        /// Replaces the project file `path` (if any) by a symbolic link to `target`.
        func link(_ path: String, to target: String) throws {
            let url = project.appendingPathComponent(path)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        /// Replaces the project file `path` by a named pipe.
        func fifo(_ path: String) throws {
            let url = project.appendingPathComponent(path)
            try? FileManager.default.removeItem(at: url)
            #expect(mkfifo(url.path, 0o644) == 0)
        }

        func write(_ path: String, _ text: String) throws {
            try text.write(to: project.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }

        /// `playbook check`'s diagnostics, printed.
        func check() async -> String {
            let report = await BuildPipeline.run(BuildOptions(projectRoot: project, writes: false))
            return DiagnosticPrinter().format(report.diagnostics)
        }

        /// `playbook report <scenario>`'s diagnostics, printed.
        func report(_ scenario: String = "harbour-energy", template: String? = nil) async -> String {
            let options = ReportOptions(projectRoot: project, scenarios: [scenario], currentDirectory: URL(fileURLWithPath: project.path, isDirectory: true),
                                        template: template)
            let (setup, outcomes) = await BuildPipeline.run(options)
            return DiagnosticPrinter().format(setup + outcomes.flatMap(\.diagnostics))
        }

        func remove() { folder.remove() }
    }

    /// The printed refusal of one path that leads outside the project.
    static func outside(_ path: String) -> String {
        """
        \(path):1:1: error: \(path) leads outside the project [outside-project]
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """
    }

    @Test func anEPUBStylesheetLinkedToEtcPasswdIsRefusedAndReachesNoEPUB() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.link("templates/epub/book.css", to: "/etc/passwd")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: sandbox.project))
        #expect(DiagnosticPrinter().format(report.diagnostics) == Self.outside("templates/epub/book.css"))
        #expect(!report.wrote)
        #expect(!FileManager.default.fileExists(atPath: sandbox.project.appendingPathComponent("build").path))
        #expect(await sandbox.report() == Self.outside("templates/epub/book.css"))
    }

    @Test func reportStylesheetsLinkedOutsideAreRefused() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.link("site/css/playbook.css", to: "../../../outside/secret.css")
        #expect(await sandbox.check() == Self.outside("site/css/playbook.css"))
        #expect(await sandbox.report() == Self.outside("site/css/playbook.css"))
        try sandbox.link("site/css/playbook.css", to: "playbook-copy.css")  // a link that stays inside is followed
        try sandbox.write("site/css/playbook-copy.css", "body { color: black }\n")
        try sandbox.link("templates/report/report.css", to: sandbox.outside.appendingPathComponent("secret.css").path)
        #expect(await sandbox.check() == Self.outside("templates/report/report.css"))
        #expect(await sandbox.report() == Self.outside("templates/report/report.css"))
    }

    @Test func aBookFolderOrSiteFolderLinkedOutsideIsNotPublished() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let manager = FileManager.default
        try manager.moveItem(at: sandbox.project.appendingPathComponent("content/handbook"), to: sandbox.outside.appendingPathComponent("handbook"))
        try sandbox.link("content/handbook", to: "../../outside/handbook")
        #expect(await sandbox.check() == """
        playbook.yaml:11:9: error: content/handbook leads outside the project [outside-project]
          11 | books: [handbook]
             |         ^~~~~~~~
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """)
        try manager.removeItem(at: sandbox.project.appendingPathComponent("content/handbook"))
        try manager.moveItem(at: sandbox.outside.appendingPathComponent("handbook"), to: sandbox.project.appendingPathComponent("content/handbook"))
        try manager.moveItem(at: sandbox.project.appendingPathComponent("site"), to: sandbox.outside.appendingPathComponent("site"))
        try sandbox.link("site", to: "../outside/site")
        #expect(await sandbox.check() == Self.outside("site"))
        #expect(await sandbox.report() == Self.outside("site"))
    }

    @Test func aScenarioLinkedOutsideIsRefused() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.copyItem(at: sandbox.project.appendingPathComponent("content/scenarios/harbour-energy.yaml"),
                                         to: sandbox.outside.appendingPathComponent("harbour-energy.yaml"))
        try sandbox.link("content/scenarios/harbour-energy.yaml", to: "../../../outside/harbour-energy.yaml")
        #expect(await sandbox.check() == Self.outside("content/scenarios/harbour-energy.yaml"))
        #expect(await sandbox.report() == Self.outside("content/scenarios/harbour-energy.yaml"))
        // Named by its path, it is still the project's file, read under the project's rule.
        let (scenario, diagnostics) = ScenarioFiles.load("content/scenarios/harbour-energy.yaml", projectRoot: sandbox.project,
                                                         currentDirectory: URL(fileURLWithPath: sandbox.project.path, isDirectory: true))
        #expect(scenario == nil)
        #expect(DiagnosticPrinter().format(diagnostics) == Self.outside("content/scenarios/harbour-energy.yaml"))
    }

    @Test func aScenariosFolderLinkedOutsideIsRefusedAsAWhole() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.moveItem(at: sandbox.project.appendingPathComponent("content/scenarios"),
                                         to: sandbox.outside.appendingPathComponent("scenarios"))
        try sandbox.link("content/scenarios", to: "../../outside/scenarios")
        #expect(await sandbox.check() == Self.outside("content/scenarios"))
        #expect(await sandbox.report() == Self.outside("content/scenarios/harbour-energy.yaml"))
    }

    static let attributionScenario = """
        client: Acme
        title: Attribution
        currency: USD
        horizon: 1 year
        discount_rate: 9%
        attribution:
          data: DATA
          channel: social
        inputs:
          orders: { value: 1 order, source: "x" }
        costs:
          initial:
            post: { value: $30, label: Post }
        benefits:
          yearly:
            margin: { value: $100, label: Margin }

        """

    @Test func attributionDataOutsideTheProjectIsRefusedWithoutEchoingIt() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("content/scenarios/acme.yaml", Self.attributionScenario.replacingOccurrences(of: "DATA", with: "../../../outside/secret.csv"))
        let printed = await sandbox.check()
        #expect(printed == """
        content/scenarios/acme.yaml:7:9: error: the attribution data '../../../outside/secret.csv' cannot be read: ../outside/secret.csv leads outside the project [outside-project]
          7 |   data: ../../../outside/secret.csv
            |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """)
        #expect(await sandbox.report("acme") == printed)
        try sandbox.write("content/scenarios/acme.yaml", Self.attributionScenario.replacingOccurrences(of: "DATA", with: "../../../../../../etc/passwd"))
        let passwd = await sandbox.check()
        #expect(passwd == """
        content/scenarios/acme.yaml:7:9: error: the attribution data '../../../../../../etc/passwd' cannot be read: ../../../../etc/passwd leads outside the project [outside-project]
          7 |   data: ../../../../../../etc/passwd
            |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """)
        #expect(!passwd.contains("root:"))
        // The same file linked from inside the scenarios' folder.
        try sandbox.write("content/scenarios/acme.yaml", Self.attributionScenario.replacingOccurrences(of: "DATA", with: "touchpoints.csv"))
        try sandbox.link("content/scenarios/touchpoints.csv", to: "/etc/passwd")
        #expect(await sandbox.check() == """
        content/scenarios/acme.yaml:7:9: error: the attribution data 'touchpoints.csv' cannot be read: content/scenarios/touchpoints.csv leads outside the project [outside-project]
          7 |   data: touchpoints.csv
            |         ^~~~~~~~~~~~~~~
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        1 error

        """)
    }

    /// `playbook calc /path/scenario.yaml` outside any project reads the file named and data
    /// files in its folder or below, nothing else.
    @Test func aScenarioOutsideAnyProjectReadsOnlyBesideAndBelowIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write([
            "clients/acme.yaml": Self.attributionScenario.replacingOccurrences(of: "DATA", with: "data/touchpoints.csv"),
            "clients/data/touchpoints.csv": "conversion,channel,days_before_conversion,value\nA-1,social,3,100\n",
            "secret.csv": "conversion,channel,days_before_conversion,value\nSECRET-1,social,3,100\n",
        ])
        let file = folder.url.appendingPathComponent("clients/acme.yaml")
        let (scenario, diagnostics) = ScenarioFiles.load(file.path, projectRoot: folder.url, currentDirectory: URL(fileURLWithPath: folder.url.path, isDirectory: true))
        #expect(diagnostics.isEmpty)
        #expect(scenario?.spec.attribution?.paths.count == 1)
        try folder.write(["clients/acme.yaml": Self.attributionScenario.replacingOccurrences(of: "DATA", with: "../secret.csv")])
        let (refused, problems) = ScenarioFiles.load("clients/acme.yaml", projectRoot: folder.url, currentDirectory: URL(fileURLWithPath: folder.url.path, isDirectory: true))
        #expect(refused == nil)
        #expect(DiagnosticPrinter().format(problems) == """
        clients/acme.yaml:7:9: error: the attribution data '../secret.csv' cannot be read: secret.csv leads outside the scenario's folder [outside-project]
          7 |   data: ../secret.csv
            |         ^~~~~~~~~~~~~
          hint: Playbook reads only files inside the scenario's folder, following symbolic links: copy what you need into it
        1 error

        """)
    }

    @Test func aStylesheetLinkedToDevZeroIsRefusedAtOnce() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.link("templates/epub/book.css", to: "/dev/zero")
        #expect(await sandbox.check() == Self.outside("templates/epub/book.css"))
        // The read itself is refused at once (it read 2 GB before crashing).
        let started = ContinuousClock.now
        if case .failed(let diagnostic) = ProjectDirectory(root: sandbox.project).read("templates/epub/book.css") {
            #expect(diagnostic.id == .outsideProject)
        } else {
            Issue.record("the link to /dev/zero was read")
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        // Through a second link inside the project: both links are refused.
        try sandbox.link("templates/epub/book.css", to: "zero")
        try sandbox.link("templates/epub/zero", to: "/dev/zero")
        #expect(await sandbox.check() == """
        templates/epub/book.css:1:1: error: templates/epub/book.css leads outside the project [outside-project]
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        templates/epub/zero:1:1: error: templates/epub/zero leads outside the project [outside-project]
          hint: Playbook reads only files inside the project, following symbolic links: copy what you need into it
        2 errors

        """)
    }

    @Test func aNamedPipeAsChapterOrStylesheetIsRefusedWithoutWaiting() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.fifo("templates/epub/book.css")
        try sandbox.fifo("content/handbook/02-pipe.md")
        try sandbox.fifo("content/scenarios/pipe.yaml")
        #expect(await sandbox.check() == """
        content/handbook/02-pipe.md:1:1: error: content/handbook/02-pipe.md is a named pipe, not a regular file [not-a-regular-file]
          hint: Playbook reads only regular files
        content/scenarios/pipe.yaml:1:1: error: content/scenarios/pipe.yaml is a named pipe, not a regular file [not-a-regular-file]
          hint: Playbook reads only regular files
        templates/epub/book.css:1:1: error: templates/epub/book.css is a named pipe, not a regular file [not-a-regular-file]
          hint: Playbook reads only regular files
        3 errors

        """)
        // Refused at once, not after a writer shows up (it waited forever).
        let started = ContinuousClock.now
        #expect(RegularFile.read(sandbox.project.appendingPathComponent("templates/epub/book.css").path) == .failure(.special("a named pipe")))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aFileOverTheSizeLimitIsRefused() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        // A sparse file: 64 MiB and one byte, taking no room on disk.
        let path = sandbox.project.appendingPathComponent("content/handbook/big.png").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(RegularFile.sizeLimit + 1)) == 0)
        #expect(await sandbox.check() == """
        content/handbook/big.png:1:1: error: content/handbook/big.png is larger than 64 MiB, the most Playbook reads from one file [file-too-large]
        1 error

        """)
        #expect(RegularFile.read(path) == .failure(.tooLarge))
    }

    @Test func aTemplateOptionThatIsAPathIsRefusedLikeTheSetting() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(await sandbox.report(template: "../../../outside/tpl") == """
        error: '../../../outside/tpl' is not a folder name in content/reports/ [invalid-value]
          hint: a report template is named by its folder in content/reports/, such as business-case
        1 error

        """)
        // A template folder that is a link to an outside folder is refused too.
        try FileManager.default.copyItem(at: sandbox.project.appendingPathComponent("content/reports/business-case"),
                                         to: sandbox.outside.appendingPathComponent("tpl"))
        try sandbox.link("content/reports/tpl", to: "../../../outside/tpl")
        #expect(await sandbox.report(template: "tpl") == Self.outside("content/reports/tpl"))
    }

    /// Links that stay inside the project are followed: a chapter kept elsewhere in the project.
    @Test func linksThatStayInsideTheProjectAreFollowed() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.project.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try sandbox.write("drafts/second.md", "---\ntitle: Second\norder: 2\n---\nText.\n")
        try sandbox.link("content/handbook/02-second.md", to: "../../drafts/second.md")
        // A folder linked to its own parent is walked once, not forever.
        try sandbox.link("content/handbook/loop", to: ".")
        #expect(await sandbox.check() == "")
        let (project, _) = await ProjectLoader(root: sandbox.project).load()
        #expect(project?.books.first?.chapters.map(\.slug) == ["01-the-business-case", "02-second"])
    }

    @Test func anOutputFolderThroughALinkIntoTheSourcesIsRefused() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.link("linkc", to: "content/handbook")
        let output = sandbox.project.appendingPathComponent("linkc/sub")
        let problem = OutputFolder.problem(output: output, projectRoot: sandbox.project)
        #expect(problem.map { DiagnosticPrinter().format($0) } == """
        error: the output folder \(output.path) is inside the project's content/ folder [unsafe-output]
          hint: a build must not write where it reads: choose a folder such as build/

        """)
        let real = ProjectDirectory.realPath(sandbox.project.path) ?? ""
        #expect(ProjectDirectory.canonical(sandbox.project.appendingPathComponent("linkc/sub/../x/y")) == real + "/content/handbook/x/y")
        #expect(ProjectDirectory.canonical(sandbox.project.appendingPathComponent("missing/../linkc/z")) == real + "/content/handbook/z")
    }
}

import Foundation
import Testing

/// What users see from the `playbook` command: exit statuses, diagnostics, refusals, and the
/// promise that a failed build leaves the previous output alone.
@Suite struct CommandLineTests {
    static let fixtures = Tools.repository.appendingPathComponent("Tests/PlaybookKitTests/Fixtures/projects")

    @Test func checkPrintsEveryDiagnosticAndFails() throws {
        let project = Self.fixtures.appendingPathComponent("link-mistakes/project")
        let result = try Tools.playbook(["check", "--project", project.path])
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("link-mistakes/expected/diagnostics.txt"), encoding: .utf8)
        #expect(result.status == 1)
        #expect(result.stderr == expected)
        #expect(result.stdout == "")
    }

    /// The command allocates with jemalloc: PLAYBOOK_TIMINGS names it (asked of jemalloc through
    /// `mallctl`), and `MALLOC_CONF=stats_print:true`, which only jemalloc reads, makes it print
    /// its statistics at exit with the bytes the build allocated through it.
    @Test func theCommandAllocatesWithJemalloc() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let project = Self.fixtures.appendingPathComponent("basic/project")
        let timed = try Tools.playbook(["build", "--project", project.path, "--out", work.appendingPathComponent("a").path],
                                       environment: ["PLAYBOOK_TIMINGS": "1"])
        #expect(timed.status == 0)
        #expect(timed.stderr.split(separator: "\n").contains { $0.hasPrefix("allocator: jemalloc 5.") }, "\(timed.stderr)")
        let stats = try Tools.playbook(["build", "--project", project.path, "--out", work.appendingPathComponent("b").path],
                                       environment: ["MALLOC_CONF": "stats_print:true"])
        #expect(stats.status == 0)
        #expect(stats.stderr.contains("___ Begin jemalloc statistics ___"))
        // "Allocated: N, active: …": what the process had allocated through jemalloc at exit.
        let allocated = stats.stderr.split(separator: "\n").first { $0.hasPrefix("Allocated: ") }
            .flatMap { Int($0.dropFirst("Allocated: ".count).prefix { $0.isNumber }) }
        #expect((allocated ?? 0) > 100_000, "\(allocated.map(String.init) ?? "no Allocated line")")
    }

    @Test func checkPassesOnTheShippedProjectAndWritesNothing() throws {
        let before = Tools.files(under: Tools.repository.appendingPathComponent("content"))
        let result = try Tools.playbook(["check"], in: Tools.repository)
        #expect(result.status == 0)
        #expect(result.stdout == "No problems in 3 books.\n")
        #expect(result.stderr == "")
        #expect(Tools.files(under: Tools.repository.appendingPathComponent("content")) == before)
    }

    @Test func aFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let project = work.appendingPathComponent("project")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("basic/project"), to: project)
        let out = work.appendingPathComponent("out")
        #expect(try Tools.playbook(["build", "--project", project.path, "--out", out.path]).status == 0)
        let before = Tools.files(under: out)
        let page = try Data(contentsOf: out.appendingPathComponent("site/guide/01-start.html"))
        // Break a link, and build again into the same folder.
        let chapter = project.appendingPathComponent("content/guide/01-start.md")
        let text = try String(contentsOf: chapter, encoding: .utf8).replacingOccurrences(of: "02-links.md#tables-and-html", with: "02-links.md#nowhere")
        try text.write(to: chapter, atomically: true, encoding: .utf8)
        let failed = try Tools.playbook(["build", "--project", project.path, "--out", out.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/guide/01-start.md:19:55: error: content/guide/02-links.md has no heading with the anchor '#nowhere' [broken-anchor]"))
        #expect(failed.stderr.hasSuffix("1 error\nbuild failed: nothing was written\n"))
        #expect(Tools.files(under: out) == before)
        #expect(try Data(contentsOf: out.appendingPathComponent("site/guide/01-start.html")) == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["out", "project"])
    }

    @Test func anOutputFolderThatHoldsTheSourcesIsRefused() throws {
        let project = Self.fixtures.appendingPathComponent("basic/project")
        for out in [project.path, project.deletingLastPathComponent().path, project.appendingPathComponent("content/build").path] {
            let result = try Tools.playbook(["build", "--project", project.path, "--out", out])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("error: the output folder \(out) "), "\(result.stderr)")
            #expect(result.stderr.contains("[unsafe-output]"))
        }
    }

    /// `ln -s content/guide linkc; playbook build --out linkc/sub`: the path is resolved through
    /// the link before it is judged, so nothing is written into the sources (nor by `report`).
    @Test func anOutputFolderThroughALinkIntoTheSourcesIsRefused() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let project = work.appendingPathComponent("project")
        #expect(try Tools.playbook(["new", project.path]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("linkc").path, withDestinationPath: "content/handbook")
        let sources = Tools.files(under: project.appendingPathComponent("content"))
        let built = try Tools.playbook(["build", "--out", "linkc/sub"], in: project)
        #expect(built.status == 1)
        #expect(built.stderr == """
        error: the output folder \(project.path)/linkc/sub is inside the project's content/ folder [unsafe-output]
          hint: a build must not write where it reads: choose a folder such as build/
        1 error
        build failed: nothing was written

        """)
        let reported = try Tools.playbook(["report", "harbour-energy", "--out", "linkc/sub"], in: project)
        #expect(reported.status == 1)
        #expect(reported.stderr == """
        error: the output folder \(project.path)/linkc/sub/harbour-energy is inside the project's content/ folder [unsafe-output]
          hint: a build must not write where it reads: choose a folder such as build/
        1 error

        """)
        #expect(Tools.files(under: project.appendingPathComponent("content")) == sources)
    }

    /// A stylesheet that is a named pipe: `check` refuses it at once instead of waiting forever.
    @Test func checkDoesNotWaitOnANamedPipe() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        #expect(try Tools.playbook(["new", work.path]).status == 0)
        let stylesheet = work.appendingPathComponent("templates/epub/book.css").path
        try FileManager.default.removeItem(atPath: stylesheet)
        #expect(mkfifo(stylesheet, 0o644) == 0)
        let result = try Tools.playbook(["check", "--project", work.path])
        #expect(result.status == 1)
        #expect(result.stderr == """
        templates/epub/book.css:1:1: error: templates/epub/book.css is a named pipe, not a regular file [not-a-regular-file]
          hint: Playbook reads only regular files
        1 error

        """)
    }

    @Test func aFolderNotMadeByPlaybookIsNeverReplaced() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try "keep me".write(to: work.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try Tools.playbook(["build", "--project", Self.fixtures.appendingPathComponent("basic/project").path, "--out", work.path])
        #expect(result.status == 1)
        #expect(result.stderr == """
        error: \(work.path) already exists and was not made by Playbook [unsafe-output]
          hint: Playbook replaces its output folder as a whole; choose an empty or new folder
        1 error
        build failed: nothing was written

        """)
        #expect(try String(contentsOf: work.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test func aFolderWithoutAProjectSaysSo() throws {
        let work = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Tools.playbook(["check", "--project", work.path])
        #expect(result.status == 1)
        #expect(result.stderr == """
        error: there is no playbook.yaml in \(work.path) [no-project]
          hint: run Playbook in a project folder, pass --project, or create one with 'playbook new <folder>'
        1 error

        """)
    }

    @Test func aBadSourceDateEpochIsADiagnostic() throws {
        let result = try Tools.playbook(["build", "--project", Self.fixtures.appendingPathComponent("basic/project").path,
                                         "--out", "/tmp/playbook-never-written"], environment: ["SOURCE_DATE_EPOCH": "yesterday"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not 'yesterday' [source-date-epoch]\n1 error\n")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/playbook-never-written"))
    }
}

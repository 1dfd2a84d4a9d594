import Foundation
import PlaybookCore
import Testing

/// `playbook serve` as a user runs it: a real server on a free port, a real browser (headless
/// chromium through selenium) watching a chapter while its file is edited, and Ctrl-C.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `playbook serve` on a copy of the shipped project.
    final class Server {
        let process = Process()
        let project: URL
        let output = Pipe()
        var url = ""
        var folder = ""
        private var printed = ""

        /// Serves a copy of the `names` of `source` (by default, the shipped project).
        init(copying names: [String] = ["playbook.yaml", "content", "templates", "site"], of source: URL = Tools.repository) throws {
            project = try Tools.temporaryFolder()
            for name in names {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: project.appendingPathComponent(name))
            }
            process.executableURL = Tools.playbook
            process.arguments = ["serve", "--project", project.path, "--port", "0"]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = try #require(read(until: "Serving the preview at "), "no 'Serving' line: \(printed)")
            let fields = line.split(separator: " ")
            url = String(fields[4])
            folder = String(fields[7].dropLast())
        }

        /// Reads standard output until a line containing `marker`; nil after 60 s.
        func read(until marker: String) -> String? {
            let end = Date().addingTimeInterval(60)
            while Date() < end {
                if let line = printed.split(separator: "\n").first(where: { $0.contains(marker) }) { return String(line) }
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                printed += String(decoding: data, as: UTF8.self)
            }
            return printed.split(separator: "\n").first(where: { $0.contains(marker) }).map(String.init)
        }

        /// Ctrl-C; returns the exit status and everything printed.
        func interrupt() -> (Int32, String) {
            process.interrupt()
            process.waitUntilExit()
            printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, printed)
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: project)
        }
    }

    @Test func aChapterChangesInTheBrowserWithoutTouchingIt() throws {
        let server = try Server()
        #expect(server.url.hasPrefix("http://127.0.0.1:") && server.url.hasSuffix("/site/"))
        let chapter = server.project.appendingPathComponent("content/customer-service/05-the-contact-centre-baseline.md")
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/live-reload.py").path
        let browser = try Tools.run(URL(fileURLWithPath: python), [script, server.url + "customer-service/05-the-contact-centre-baseline.html", chapter.path])
        #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr.suffix(1500))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])
        #expect(seen["reloaded"] as? Bool == true)
        #expect(seen["scroll_before"] as? Int == 600)
        #expect(seen["scroll_after"] as? Int == 600)
        #expect(seen["kept_page_during_failure"] as? Bool == true)
        #expect(seen["overlay_cleared"] as? Bool == true)
        let overlay = try #require(seen["overlay"] as? String)
        #expect(overlay.contains("Build failed: this page shows the last good build"))
        #expect(overlay.contains("content/customer-service/05-the-contact-centre-baseline.md:"))
        #expect(overlay.contains("error: the scenario 'kestrel-mobile' has no input, metric or figure 'no_such_value' [unknown-value]"))
        #expect(overlay.contains("| Broken {{ no_such_value }} tag."))

        let (status, printed) = server.interrupt()
        #expect(status == 0)
        #expect(printed.contains("Rebuilt after content/customer-service/05-the-contact-centre-baseline.md in "))
        #expect(printed.hasSuffix("Stopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: server.folder), "the preview folder is removed on Ctrl-C")
    }
}

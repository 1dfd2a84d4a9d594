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

        /// Serves a copy of the `names` of `source` (by default, the shipped project); with
        /// `descriptors`, the server may open at most that many files (`ulimit -n`).
        init(copying names: [String] = ["playbook.yaml", "content", "templates", "site"], of source: URL = Tools.repository,
             descriptors: Int? = nil) throws {
            project = try Tools.temporaryFolder()
            for name in names {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: project.appendingPathComponent(name))
            }
            let arguments = ["serve", "--project", project.path, "--port", "0"]
            if let descriptors {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "ulimit -n \(descriptors) && exec \"$0\" \"$@\"", Tools.playbook.path] + arguments
            } else {
                process.executableURL = Tools.playbook
                process.arguments = arguments
            }
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = try #require(read(until: "Serving the preview at "), "no 'Serving' line: \(printed)")
            let fields = line.split(separator: " ")
            url = String(fields[4])
            folder = String(fields[7].dropLast())
        }

        /// The port the server listens on.
        var port: Int { Int(url.split(separator: ":").last?.split(separator: "/").first ?? "") ?? 0 }

        /// How many files the server has open (Linux).
        var openDescriptors: Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
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
        // The screen with the overlay is kept beside the test run's other output, to look at.
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-build-failure-overlay.png")
        let browser = try Tools.run(URL(fileURLWithPath: python), [script, server.url + "customer-service/05-the-contact-centre-baseline.html", chapter.path,
                                                                   screenshot.path])
        #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr.suffix(1500))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])
        #expect(seen["reloaded"] as? Bool == true)
        #expect(seen["scroll_before"] as? Int == 600)
        #expect(seen["scroll_after"] as? Int == 600)
        #expect(seen["kept_page_during_failure"] as? Bool == true)
        let edit = try #require(seen["edit_look"] as? [String: Any])
        #expect(edit["visible"] as? Bool == true && edit["in_viewport"] as? Bool == true && edit["on_top"] as? Bool == true, "\(edit)")
        #expect((edit["ratio"] as? Double ?? 0) >= 4.5, "\(edit)")
        #expect(seen["overlay_cleared"] as? Bool == true)
        let overlay = try #require(seen["overlay"] as? String)
        #expect(overlay.contains("Build failed: this page shows the last good build"))
        #expect(overlay.contains("content/customer-service/05-the-contact-centre-baseline.md:"))
        #expect(overlay.contains("error: the scenario 'kestrel-mobile' has no input, metric or figure 'no_such_value' [unknown-value]"))
        #expect(overlay.contains("| Broken {{ no_such_value }} tag."))
        // What a person sees: the overlay covers the page, on top, and its title, help line and
        // diagnostic are readable (WCAG AA, 4.5:1) against what is behind them. Before, the site's
        // `pre { background }` painted the diagnostic's own colour behind it (ratio 1.0).
        #expect(seen["overlay_covers"] as? Bool == true)
        let looks = try #require(seen["overlay_looks"] as? [String: [String: Any]])
        #expect(looks.keys.sorted() == ["h2", "p", "pre"])
        for (part, look) in looks {
            #expect(look["visible"] as? Bool == true && look["in_viewport"] as? Bool == true && look["on_top"] as? Bool == true, "\(part): \(look)")
            #expect((look["ratio"] as? Double ?? 0) >= 4.5, "\(part): \(look)")
            #expect(look["background_images"] as? [String] == [], "\(part): \(look)")
        }
        #expect(looks["pre"]?["background"] as? String == "rgb(20, 24, 33)")
        #expect(looks["pre"]?["color"] as? String == "rgb(244, 246, 250)")

        let (status, printed) = server.interrupt()
        #expect(status == 0)
        #expect(printed.contains("Rebuilt after content/customer-service/05-the-contact-centre-baseline.md in "))
        #expect(printed.hasSuffix("Stopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: server.folder), "the preview folder is removed on Ctrl-C")
    }

    /// A page that opens the live-reload stream and goes away gives its connection back at
    /// once. Before, each of them was held until the next build: 1,007 of them took the 1,024
    /// descriptors the server may open, pages timed out, and the next save crashed the server
    /// (libdispatch traps when it cannot open a file). Now 1,100 come and go, the server holds
    /// no more files than before, and a page and a save still work.
    @Test func streamsOfPagesThatWentAwayAreReleasedAtOnce() throws {
        let server = try Server(descriptors: 1024)
        let page = "/site/customer-service/05-the-contact-centre-baseline.html"
        #expect(LoopbackSocket(port: server.port)?.get(page, host: "127.0.0.1").hasPrefix("HTTP/1.1 200 OK\r\n") == true)
        let before = server.openDescriptors
        var greeted = 0
        for _ in 0..<1100 {
            guard let socket = LoopbackSocket(port: server.port) else { break }
            socket.send("GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            if socket.receive(until: "event: hello\ndata: 1\n\n").contains("event: hello\ndata: 1\n\n") { greeted += 1 }
            socket.close()
        }
        #expect(greeted == 1100)
        // The last streams are closed within moments; allow the server a second to see it.
        let end = Date().addingTimeInterval(5)
        while server.openDescriptors > before + 2, Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        #if os(Linux)  // the count comes from /proc
        #expect(server.openDescriptors <= before + 2, "\(server.openDescriptors) files open, \(before) before the streams")
        #endif

        #expect(LoopbackSocket(port: server.port)?.get(page, host: "127.0.0.1").hasPrefix("HTTP/1.1 200 OK\r\n") == true)
        let chapter = server.project.appendingPathComponent("content/customer-service/05-the-contact-centre-baseline.md")
        try (try String(contentsOf: chapter, encoding: .utf8) + "\nSaved after the streams.\n").write(to: chapter, atomically: true, encoding: .utf8)
        #expect(server.read(until: "Rebuilt after content/customer-service/05-the-contact-centre-baseline.md in ") != nil)
        let after = try #require(LoopbackSocket(port: server.port)).get(page, host: "127.0.0.1")
        #expect(after.hasPrefix("HTTP/1.1 200 OK\r\n") && after.contains("<p>Saved after the streams.</p>"))
        let (status, _) = server.interrupt()
        #expect(status == 0)
    }

    /// Pages that stay open are held up to a limit: 128 streams; the 129th page is told to try
    /// again (503, `Retry-After: 5`), and connections beyond what the descriptors allow wait to be
    /// accepted. With 1,100 held open, a save builds (the descriptors a build needs are kept for
    /// it), and once they go, the server answers pages again.
    @Test func heldStreamsAreLimitedAndTheServerSurvivesThem() throws {
        let server = try Server(descriptors: 1024)
        let page = "/site/customer-service/05-the-contact-centre-baseline.html"
        var held: [LoopbackSocket] = []
        for _ in 0..<1100 {
            guard let socket = LoopbackSocket(port: server.port, timeout: 0.2) else { continue }
            socket.send("GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            held.append(socket)
        }
        // Read what each has been answered, until 768 have been (or 30 s passed).
        var greeted = 0, refused = 0
        let end = Date().addingTimeInterval(30)
        repeat {
            for socket in held where !socket.received.contains("\r\n\r\n") { socket.receive(until: "\r\n\r\n", seconds: 0) }
            greeted = held.filter { $0.received.hasPrefix("HTTP/1.1 200 OK\r\n") }.count
            refused = held.filter { $0.received.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n") }.count
            if greeted + refused >= 768 { break }
            Thread.sleep(forTimeInterval: 0.2)
        } while Date() < end
        let refusal = held.first { $0.received.hasPrefix("HTTP/1.1 503 ") }?.receive(until: "</html>", seconds: 5) ?? ""
        #expect(greeted == 128)
        // 1,024 descriptors less the 256 kept for the rest of the server: 768 connections (and
        // up to 3 more that the listening socket accepts in the batch that reaches the limit).
        #expect((640...643).contains(refused), "\(refused) refused")
        #expect(refusal.contains("\r\nRetry-After: 5\r\n"))
        #expect(refusal.contains("<p>128 pages are already listening for changes, the most the preview holds. This page will try again.</p>"))
        #if os(Linux)  // the count comes from /proc
        #expect(server.openDescriptors < 1024)
        #endif

        let chapter = server.project.appendingPathComponent("content/customer-service/05-the-contact-centre-baseline.md")
        try (try String(contentsOf: chapter, encoding: .utf8) + "\nSaved while held.\n").write(to: chapter, atomically: true, encoding: .utf8)
        #expect(server.read(until: "Rebuilt after content/customer-service/05-the-contact-centre-baseline.md in ") != nil)
        #expect(server.process.isRunning)

        for socket in held { socket.close() }
        held = []
        let answer = try #require(LoopbackSocket(port: server.port, timeout: 10)).get(page, host: "127.0.0.1")
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n") && answer.contains("<p>Saved while held.</p>"))
        let (status, _) = server.interrupt()
        #expect(status == 0)
    }

    /// A page opened while the server holds all the streams it allows is refused (503), and its
    /// script tries again: once a stream is free, the page connects by itself (a browser's
    /// EventSource gives up on a 503; the script does not).
    @Test func aRefusedPageConnectsOnceAStreamIsFree() throws {
        let server = try Server()
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/stream-retry.py").path
        let browser = try Tools.run(URL(fileURLWithPath: python), [script, server.url + "index.html", "128"])
        #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr.suffix(1500))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])
        #expect(seen["held"] as? [String: Int] == ["HTTP/1.1 200 OK": 128])
        #expect(seen["connected_while_full"] as? Bool == false)
        // Retry-After is 5 s; the page connects within the next try.
        #expect((seen["connected_after_seconds"] as? Double ?? 99) <= 10)
        let (status, _) = server.interrupt()
        #expect(status == 0)
    }

    /// DNS rebinding: a page of another site that points its own name at 127.0.0.1 must not
    /// read the preview. The loopback server answers only the names of this machine.
    @Test func aForeignHostNameIsRefused() throws {
        let server = try Server()
        let refusal = """
            This preview answers only to the names of this machine (127.0.0.1, [::1], localhost), \
            so that a page of another site cannot read it through its own domain name (DNS rebinding). \
            Open it at http://localhost or http://127.0.0.1 with its port.
            """
        for path in ["/site/index.html", "/reports/kestrel-mobile/metrics.json", "/__playbook/events", "/"] {
            let foreign = try #require(LoopbackSocket(port: server.port)).get(path, host: "evil.example:\(server.port)")
            #expect(foreign.hasPrefix("HTTP/1.1 421 Misdirected Request\r\n"), "\(path): \(foreign.prefix(200))")
            #expect(foreign.contains("<p>\(refusal)</p>"), "\(path)")
            #expect(!foreign.contains("Kestrel"), "\(path)")
        }
        for host in ["localhost:\(server.port)", "127.0.0.1:\(server.port)", "LOCALHOST", "[::1]:\(server.port)"] {
            let answer = try #require(LoopbackSocket(port: server.port)).get("/reports/kestrel-mobile/metrics.json", host: host)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(host): \(answer.prefix(200))")
        }
        let (status, _) = server.interrupt()
        #expect(status == 0)
    }
}

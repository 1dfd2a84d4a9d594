import Foundation
import Glibc

/// Prints HTML pages to PDF (and takes pictures of them as PNG) with one headless Chromium for a whole run: started when the first
/// page is printed, at most ``pagesAtOnce`` pages in it at the same time, stopped by
/// ``shutDown()``. Chromium's profile and the pages being printed live in a private temporary
/// folder that ``shutDown()`` removes.
package actor ChromiumPrinter {
    /// The paper of a printed page, in inches (used when the page's CSS names no size).
    package struct Paper: Sendable, Equatable {
        package var width: Double
        package var height: Double

        /// Creates a paper size.
        package init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// How many pages Chromium prints at the same time.
    package let pagesAtOnce: Int
    private let path: String
    private let timeout: Int
    private var connection: ChromiumConnection?
    private var folder: URL?
    private var startProblem: ChromiumError?
    private var busy = 0
    private var queue: [CheckedContinuation<Void, Never>] = []
    private var printed = 0
    private var stopped = false

    /// A printer that runs the Chromium at `path`; a step that takes longer than `timeout`
    /// seconds stops the printer.
    package init(path: String, pagesAtOnce: Int = 2, timeout: Int = 60) {
        self.path = path
        self.pagesAtOnce = max(1, pagesAtOnce)
        self.timeout = timeout
    }

    /// The PDF of `html` (a whole, self-contained page), on `paper` unless its CSS sets `@page size`;
    /// `tagged` adds the structure tree and the outline (slower; a draft printed only to see
    /// where the pages break does without).
    package func print(_ html: String, paper: Paper, tagged: Bool = true) async throws(ChromiumError) -> Data {
        try await inTab(html, step: "Page.printToPDF", viewport: nil) { connection, session, timeout in
            try await Self.printToPDF(paper: paper, tagged: tagged, on: connection, session: session, timeout: timeout)
        }
    }

    /// A PNG of `html` (a whole, self-contained page) shown in a viewport of `width` × `height`
    /// CSS pixels at one device pixel per CSS pixel: what a drawn cover looks like as an image.
    package func screenshot(_ html: String, width: Int, height: Int) async throws(ChromiumError) -> Data {
        try await inTab(html, step: "Page.captureScreenshot", viewport: (width, height)) { connection, session, timeout in
            let shot = try await connection.send("Page.captureScreenshot", [
                "format": "png", "captureBeyondViewport": false, "fromSurface": true,
                "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
            ], session: session, timeout: timeout)
            guard let base64 = shot["data"] as? String, let png = Data(base64Encoded: base64) else {
                throw ChromiumError.badAnswer(step: "Page.captureScreenshot")
            }
            return png
        }
    }

    /// Writes `html` to the temporary folder, opens it in a new tab (in a viewport of the size
    /// given, if any) and returns what `work` makes of it.
    private func inTab(_ html: String, step: String, viewport: (Int, Int)?,
                       work: @Sendable (ChromiumConnection, String, Int) async throws -> Data) async throws(ChromiumError) -> Data {
        await acquire()
        defer { release() }
        let (connection, folder) = try start()
        printed += 1
        let file = folder.appendingPathComponent("page-\(printed).html")
        do {
            try Data(html.utf8).write(to: file)
        } catch {
            throw .temporaryFolder(reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            return try await Self.open(file, viewport: viewport, on: connection, timeout: timeout, work: work)
        } catch let problem as ChromiumError {
            // A Chromium that stopped answering is not trusted with the next page.
            if case .timedOut = problem { await connection.close(grace: 1) }
            throw problem
        } catch {
            throw .badAnswer(step: step)
        }
    }

    /// Stops Chromium (if it was started) and removes the temporary folder. Idempotent; a
    /// print after it fails.
    package func shutDown() async {
        stopped = true
        if let connection { await connection.close() }
        connection = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
        folder = nil
    }

    // MARK: - Starting

    private func start() throws(ChromiumError) -> (ChromiumConnection, URL) {
        if let connection, let folder {
            guard connection.isRunning else { throw .stopped(path: path) }
            return (connection, folder)
        }
        if let startProblem { throw startProblem }
        if stopped { throw .stopped(path: path) }
        do throws(ChromiumError) {
            let folder = try Self.makeFolder()
            // A write to a Chromium that has gone must fail, not end the program.
            signal(SIGPIPE, SIG_IGN)
            do throws(ChromiumError) {
                let connection = try ChromiumConnection(path: path, arguments: Self.arguments(profile: folder.appendingPathComponent("profile")))
                self.connection = connection
                self.folder = folder
                return (connection, folder)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
        } catch {
            startProblem = error
            throw error
        }
    }

    /// Chromium's flags: headless, a throwaway profile, nothing that reaches the network on its own.
    static func arguments(profile: URL) -> [String] {
        ["--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-sync", "--disable-component-update", "--mute-audio",
         "--hide-scrollbars", "--font-render-hinting=none", "about:blank"]
    }

    /// A folder only this user may read, in the system's temporary folder.
    private static func makeFolder() throws(ChromiumError) -> URL {
        var template = Array((NSTemporaryDirectory() + "/playbook-print-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else { throw .temporaryFolder(reason: String(cString: strerror(errno))) }
        return URL(fileURLWithPath: String(cString: template.map { $0 }))
    }

    // MARK: - Two pages at a time

    private func acquire() async {
        if busy < pagesAtOnce {
            busy += 1
            return
        }
        await withCheckedContinuation { queue.append($0) }
    }

    private func release() {
        if queue.isEmpty {
            busy -= 1
        } else {
            queue.removeFirst().resume()
        }
    }

    // MARK: - One page

    /// Opens `file` in a new tab, waits until it and its fonts are loaded, runs `work` on it, closes the tab.
    private static func open(_ file: URL, viewport: (Int, Int)?, on connection: ChromiumConnection, timeout: Int,
                             work: (ChromiumConnection, String, Int) async throws -> Data) async throws -> Data {
        let target = try await connection.send("Target.createTarget", ["url": "about:blank"], timeout: timeout)
        guard let targetID = target["targetId"] as? String else { throw ChromiumError.badAnswer(step: "Target.createTarget") }
        do {
            let attached = try await connection.send("Target.attachToTarget", ["targetId": targetID, "flatten": true], timeout: timeout)
            guard let session = attached["sessionId"] as? String else { throw ChromiumError.badAnswer(step: "Target.attachToTarget") }
            _ = try await connection.send("Page.enable", session: session, timeout: timeout)
            if let (width, height) = viewport {
                _ = try await connection.send("Emulation.setDeviceMetricsOverride", [
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false,
                ], session: session, timeout: timeout)
            }
            connection.forget("Page.loadEventFired", session: session)
            let navigated = try await connection.send("Page.navigate", ["url": file.absoluteString], session: session, timeout: timeout)
            if let problem = navigated["errorText"] as? String { throw ChromiumError.commandFailed(step: "Page.navigate", message: problem) }
            try await connection.event("Page.loadEventFired", session: session, timeout: timeout)
            _ = try await connection.send("Runtime.evaluate", ["expression": "document.fonts.ready.then(() => true)", "awaitPromise": true],
                                          session: session, timeout: timeout)
            let made = try await work(connection, session, timeout)
            _ = try? await connection.send("Target.closeTarget", ["targetId": targetID], timeout: timeout)
            return made
        } catch {
            if connection.isRunning { _ = try? await connection.send("Target.closeTarget", ["targetId": targetID], timeout: timeout) }
            throw error
        }
    }

    /// Prints the page of `session` to PDF.
    private static func printToPDF(paper: Paper, tagged: Bool, on connection: ChromiumConnection, session: String,
                                   timeout: Int) async throws -> Data {
        let printed = try await connection.send("Page.printToPDF", [
            "printBackground": true, "preferCSSPageSize": true, "generateTaggedPDF": tagged, "generateDocumentOutline": tagged,
            "displayHeaderFooter": false, "paperWidth": paper.width, "paperHeight": paper.height,
            "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0, "transferMode": "ReturnAsBase64",
        ], session: session, timeout: timeout)
        guard let base64 = printed["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw ChromiumError.badAnswer(step: "Page.printToPDF")
        }
        return pdf
    }
}
